using CommandCenter.Domain.Zones;

namespace CommandCenter.Tests.Domain;

/// <summary>Weekly hours, seasons, holidays and the next opening or closing minute.</summary>
public sealed class VendorZoneWeeklyScheduleTests
{
    private static DateTime T(string local) => DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Every_day_19_to_01_is_one_line_and_keeps_its_text_form()
    {
        var schedule = VendorZoneSchedule.Daily("19:00-01:00");
        Assert.Equal(["19:00-01:00"], schedule.Hours.ToStrings());
        Assert.True(schedule.IsOpen(T("2026-07-05 00:30"))); // Sunday small hours, the Saturday night
        Assert.False(schedule.IsOpen(T("2026-07-05 01:00")));
    }

    [Theory]
    [InlineData("2026-07-03 01:30", false)] // Friday 01:30 belongs to Thursday night: no window
    [InlineData("2026-07-03 19:00", true)]  // Friday evening opens
    [InlineData("2026-07-04 01:30", true)]  // Saturday 01:30 is still Friday night
    [InlineData("2026-07-05 01:59", true)]  // Sunday 01:59 is Saturday night
    [InlineData("2026-07-05 19:30", false)] // no market on Sunday evening
    [InlineData("2026-07-06 01:30", false)] // so nothing in Monday's small hours
    public void A_weekend_night_market_past_midnight_belongs_to_the_day_it_opened(string local, bool open)
    {
        var weekend = new VendorZoneSchedule(WeeklyHours.Parse(["fri,sat 19:00-02:00"]), [], [], false);
        Assert.Equal(open, weekend.IsOpen(T(local)));
    }

    [Theory]
    [InlineData("2026-07-01 06:00", true)]  // Wednesday morning market
    [InlineData("2026-07-01 12:00", false)]
    [InlineData("2026-07-01 20:59", true)]  // Wednesday evening
    [InlineData("2026-07-04 06:00", false)] // Saturday opens later ...
    [InlineData("2026-07-04 11:59", true)]  // ... and runs to noon
    [InlineData("2026-07-04 18:00", false)] // no evening window at the weekend
    public void Several_windows_per_weekday_and_other_hours_at_the_weekend(string local, bool open)
    {
        var market = new VendorZoneSchedule(WeeklyHours.Parse(["mon-fri 05:30-08:30", "mon-fri 17:00-21:00", "sat,sun 07:00-12:00"]), [], [], false);
        Assert.Equal(open, market.IsOpen(T(local)));
    }

    [Theory]
    [InlineData("2026-11-14 20:00", false)]
    [InlineData("2026-11-15 00:15", false)] // began on 14 Nov, out of season
    [InlineData("2026-11-15 18:00", true)]
    [InlineData("2026-12-31 23:30", true)]
    [InlineData("2027-01-01 00:15", true)]  // New Year's Eve night
    [InlineData("2027-02-28 23:50", true)]
    [InlineData("2027-03-01 00:15", true)]  // the last night began on 28 Feb, in season
    [InlineData("2027-03-01 18:00", false)] // the season is over
    public void A_winter_season_wrapping_the_new_year_opens_every_night_inside_it(string local, bool open)
    {
        var winter = new VendorZoneSchedule(WeeklyHours.Daily("18:00-00:30"), [Season.Parse("11-15", "02-28")], [], false);
        Assert.Equal(open, winter.IsOpen(T(local)));
    }

    [Fact]
    public void Two_seasons_a_year_leave_the_summer_closed()
    {
        var spring = Season.Parse("04-01", "05-15");
        var autumn = Season.Parse("09-01", "10-31");
        var saplings = new VendorZoneSchedule(WeeklyHours.Daily("07:00-18:00"), [spring, autumn], [], false);
        Assert.True(saplings.IsOpen(T("2026-05-15 17:59")));
        Assert.False(saplings.IsOpen(T("2026-07-15 10:00")));
        Assert.True(saplings.IsOpen(T("2026-09-01 07:00")));
    }

    [Fact]
    public void A_closed_date_shuts_the_night_that_starts_on_it_but_not_the_night_before()
    {
        var market = new VendorZoneSchedule(WeeklyHours.Daily("19:00-01:00"), [], [new DateOnly(2026, 10, 1)], false);
        Assert.True(market.IsOpen(T("2026-10-01 00:30")));  // 30 Sep night
        Assert.False(market.IsOpen(T("2026-10-01 20:00")));
        Assert.False(market.IsOpen(T("2026-10-02 00:30"))); // still the 1 Oct night
        Assert.True(market.IsOpen(T("2026-10-02 20:00")));
    }

    [Fact]
    public void Closed_on_public_holidays_reads_the_holidays_the_caller_gives()
    {
        var holidays = new HashSet<DateOnly> { new(2026, 10, 2) };
        var closesOnHolidays = new VendorZoneSchedule(WeeklyHours.Daily("19:00-01:00"), [], [], true);
        var staysOpen = closesOnHolidays with { ClosedOnPublicHolidays = false };
        Assert.False(closesOnHolidays.IsOpen(T("2026-10-02 20:00"), holidays));
        Assert.True(closesOnHolidays.IsOpen(T("2026-10-03 20:00"), holidays));
        Assert.True(staysOpen.IsOpen(T("2026-10-02 20:00"), holidays));
        Assert.True(closesOnHolidays.IsOpen(T("2026-10-02 20:00"))); // no holiday list: nothing to close on
    }

    [Theory]
    [InlineData("2026-07-01 18:00", "2026-07-01 19:00")] // wakes at the opening minute
    [InlineData("2026-07-01 18:59:59", "2026-07-01 19:00")]
    [InlineData("2026-07-01 19:00", "2026-07-02 01:00")] // open now: the next change is the close
    [InlineData("2026-07-02 00:59", "2026-07-02 01:00")]
    [InlineData("2026-07-02 01:00", "2026-07-02 19:00")]
    public void The_next_change_of_a_night_market_is_its_opening_or_closing_minute(string now, string expected) =>
        Assert.Equal(T(expected), VendorZoneSchedule.Daily("19:00-01:00").NextChange(T(now)));

    [Fact]
    public void The_next_change_skips_closed_dates_holidays_and_the_months_out_of_season()
    {
        var melons = new VendorZoneSchedule(WeeklyHours.Daily("18:00-00:30"), [Season.Parse("06-01", "09-30")], [new DateOnly(2026, 6, 1)], true);
        var holidays = new HashSet<DateOnly> { new(2026, 6, 2) };
        // 1 June closed, 2 June a holiday: the first night is 3 June.
        Assert.Equal(T("2026-06-03 18:00"), melons.NextChange(T("2026-05-20 12:00"), holidays));
        // The last night of the season closes after midnight, then nothing until next June.
        Assert.Equal(T("2026-10-01 00:30"), melons.NextChange(T("2026-09-30 20:00"), holidays));
        Assert.Equal(T("2027-06-01 18:00"), melons.NextChange(T("2026-10-01 00:30"), holidays));
    }

    [Fact]
    public void Back_to_back_windows_are_one_opening()
    {
        var schedule = new VendorZoneSchedule(WeeklyHours.Daily("08:00-12:00", "12:00-14:00"), [], [], false);
        Assert.Equal(T("2026-07-01 14:00"), schedule.NextChange(T("2026-07-01 09:00")));
    }

    [Fact]
    public void A_zone_that_never_opens_or_never_closes_has_no_next_change()
    {
        Assert.Null(VendorZoneSchedule.Never.NextChange(T("2026-07-01 09:00")));
        Assert.Null(VendorZoneSchedule.Daily("00:00-12:00", "12:00-00:00").NextChange(T("2026-07-01 09:00")));
    }

    [Fact]
    public void Opening_rules_read_and_write_day_lists_and_ranges()
    {
        Assert.Equal(Weekdays.WorkWeek, OpeningRule.Parse("mon-fri 09:00-12:00").Days);
        Assert.Equal(Weekdays.Friday | Weekdays.Saturday | Weekdays.Sunday | Weekdays.Monday, OpeningRule.Parse("FRI-MON 18:00-23:00").Days);
        Assert.Equal("mon,wed-fri 09:00-12:00", OpeningRule.Parse("wed,mon,thu,fri 09:00-12:00").ToString());
        Assert.Equal("sat,sun 06:00-09:00", OpeningRule.Parse("sat-sun 06:00-09:00").ToString());
        Assert.Equal("19:00-01:00", OpeningRule.Parse("daily 19:00-01:00").ToString());
    }

    [Fact]
    public void Bad_empty_and_overlapping_windows_are_refused_field_by_field()
    {
        var errors = VendorZoneSchedule.Validate(
            ["19:00-01:00", "7pm-1am", "12:00-12:00", "mon-fri 09:00-12:00", "wed 11:00-13:00", "00:30-06:00", "mon-fri 12:00-13:00"],
            [("06-01", "09-30"), ("02-30", "6/1")]);
        Assert.Equal(
        [
            ("windows[1]", "WindowFormat"),
            ("windows[2]", "WindowEmpty"),
            ("windows[4]", "WindowsOverlap"),
            ("windows[5]", "WindowsOverlap"),
            ("windows[6]", "WindowsOverlap"),
            ("seasons[1].from", "SeasonBoundFormat"),
            ("seasons[1].to", "SeasonBoundFormat"),
        ], errors.Select(e => (e.Field, e.Code)).ToList());
        // 11:00-13:00 on Wednesday overlaps the weekday morning window.
        Assert.Equal(["mon-fri 09:00-12:00", "wed 11:00-13:00", "wed"], errors[2].Args);
        // 00:30-06:00 overlaps the small hours of the night before: Monday night runs into Tuesday 00:30-01:00.
        Assert.Equal(["19:00-01:00", "00:30-06:00", "tue"], errors[3].Args);
        // windows[6] meets windows[3] at 12:00 (fine) but overlaps windows[4] on Wednesday.
        Assert.Equal(["wed 11:00-13:00", "mon-fri 12:00-13:00", "wed"], errors[4].Args);
    }

    [Fact]
    public void Windows_that_only_touch_are_not_an_overlap() =>
        Assert.Empty(VendorZoneSchedule.Validate(["05:30-08:30", "08:30-12:00", "19:00-00:00", "sat 00:00-02:00"]));
}
