using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Validation;
using static CommandCenter.Tests.Domain.CalendarFixtures;

namespace CommandCenter.Tests.Domain;

/// <summary>An admin editing the working hours (作息时间): what is accepted, what is refused and why.</summary>
public sealed class WorkingHoursTests
{
    [Fact]
    public void The_usual_timetable_reads_as_the_default_seven_hour_day()
    {
        Assert.True(WorkingHours.TryParse(["08:30-12:00", "14:00-17:30"], out var hours, out var errors));
        Assert.Empty(errors);
        Assert.Equal(WorkingHours.Default, hours);
        Assert.Equal(WorkingCalendar.DefaultHours, hours.Windows);
        Assert.Equal(TimeSpan.FromHours(7), hours.Total);
        Assert.Equal(["08:30-12:00", "14:00-17:30"], hours.ToText());
    }

    [Fact]
    public void A_summer_timetable_with_a_long_lunch_drives_the_working_calendar()
    {
        // 夏令作息: 08:00–12:00 and 15:00–18:00, still 7 h a day.
        Assert.True(WorkingHours.TryParse(["08:00-12:00", " 15:00 - 18:00 "], out var summer, out _));
        Assert.NotEqual(WorkingHours.Default, summer);
        var clock = new SlaClock(new WorkingCalendar(Shanghai, summer.Windows));
        Assert.Equal(TimeSpan.FromHours(7), clock.Calendar.WorkingDayLength);
        // Tuesday 10:00 + 4 working hours: 2 h until noon, the other 2 from 15:00.
        Assert.Equal(At(11, 24, 17, 0), clock.Deadline(At(11, 24, 10, 0), TimeLimit.WorkingHours(4)));
    }

    [Fact]
    public void Windows_that_touch_are_accepted() =>
        Assert.True(WorkingHours.TryParse(["08:30-12:00", "12:00-17:30"], out _, out _));

    [Fact]
    public void Six_windows_are_accepted_and_a_seventh_is_refused()
    {
        string[] six = ["06:00-07:00", "08:00-09:00", "10:00-11:00", "12:00-13:00", "14:00-15:00", "16:00-17:00"];
        Assert.True(WorkingHours.TryParse(six, out _, out _));
        var error = Assert.Single(Refusals([.. six, "18:00-19:00"]));
        Assert.Equal(("windows", "WorkingHoursTooMany"), (error.Field, error.Code));
        Assert.Equal([6, 7], error.Args);
    }

    [Fact]
    public void No_window_at_all_is_refused() =>
        Assert.Equal(("windows", "WorkingHoursEmpty"), Only(Refusals([])));

    [Theory]
    [InlineData("08:30–12:00")] // an en dash, as a Chinese input method types it
    [InlineData("08:30~12:00")]
    [InlineData("8.30-12")]
    [InlineData("上午")]
    [InlineData("08:30-12:00-14:00")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_not_of_the_form_HH_mm_HH_mm_is_refused(string? text)
    {
        var error = Assert.Single(Refusals(["08:30-12:00", text]));
        Assert.Equal(("windows[1]", "WorkingHoursFormat"), (error.Field, error.Code));
        Assert.Equal([text], error.Args);
    }

    [Theory]
    [InlineData("12:00-08:30")]
    [InlineData("12:00-12:00")]
    [InlineData("22:00-02:00")] // a night shift: working hours never cross midnight
    public void A_window_that_does_not_end_after_it_starts_is_refused(string text) =>
        Assert.Equal(("windows[0]", "WorkingHoursEndNotAfterStart"), Only(Refusals([text])));

    [Fact]
    public void An_afternoon_that_starts_before_the_morning_ends_is_refused()
    {
        var error = Assert.Single(Refusals(["08:30-12:00", "11:30-17:30"]));
        Assert.Equal(("windows[1]", "WorkingHoursOverlap"), (error.Field, error.Code));
        Assert.Equal(["11:30", "12:00"], error.Args);
    }

    [Fact]
    public void Windows_out_of_order_are_refused_rather_than_sorted() =>
        Assert.Equal(("windows[1]", "WorkingHoursOverlap"), Only(Refusals(["14:00-17:30", "08:30-12:00"])));

    [Fact]
    public void Every_bad_window_is_reported_and_a_bad_one_does_not_hide_the_order_of_the_others()
    {
        var errors = Refusals(["08:30-12:00", "bad", "11:00-10:00", "09:00-17:30"]);
        Assert.Equal(
            [("windows[1]", "WorkingHoursFormat"), ("windows[2]", "WorkingHoursEndNotAfterStart"), ("windows[3]", "WorkingHoursOverlap")],
            errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Windows_from_a_time_picker_are_checked_by_the_same_rules()
    {
        Assert.Empty(WorkingHours.Validate(WorkingCalendar.DefaultHours));
        var errors = WorkingHours.Validate([(new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(11, 0), new TimeOnly(13, 0))]);
        Assert.Equal(("windows[1]", "WorkingHoursOverlap"), Only(errors));
    }

    private static (string, string) Only(IReadOnlyList<FieldError> errors)
    {
        var error = Assert.Single(errors);
        return (error.Field, error.Code);
    }

    private static IReadOnlyList<FieldError> Refusals(IReadOnlyList<string?> windows)
    {
        Assert.False(WorkingHours.TryParse(windows, out var hours, out var errors));
        Assert.Null(hours);
        return errors;
    }
}
