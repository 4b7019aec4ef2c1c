using CommandCenter.Domain.Clocks;

namespace CommandCenter.Tests.Domain;

/// <summary>Working hours 08:30–12:00 and 14:00–17:30 in Asia/Shanghai (UTC+8), Monday to Friday.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // 2026-10-01..07 is the National Day holiday; Sunday 2026-09-27 and Saturday 2026-10-10 are make-up workdays (调休), as an example.
    private static readonly WorkingCalendar Calendar = new(Shanghai,
        holidays: Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)),
        makeUpDays: [new DateOnly(2026, 9, 27), new DateOnly(2026, 10, 10)]);

    private static readonly SlaClock Clock = new(Calendar);

    /// <summary>A local Shanghai time as an instant.</summary>
    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_working_day_is_seven_hours() => Assert.Equal(TimeSpan.FromHours(7), Calendar.WorkingDayLength);

    [Fact]
    public void Four_working_hours_from_a_tuesday_morning_skip_the_lunch_break() =>
        Assert.Equal(At(11, 24, 15, 30), Clock.Deadline(At(11, 24, 9, 30), TimeLimit.WorkingHours(4))); // 2.5 h + 1.5 h

    [Fact]
    public void A_limit_that_ends_exactly_at_noon_falls_due_when_work_resumes()
    {
        var start = At(11, 24, 9, 0);
        var limit = TimeLimit.WorkingHours(3);
        var deadline = Clock.Deadline(start, limit);
        Assert.Equal(At(11, 24, 14, 0), deadline);
        // Over lunch the limit is used up but not exceeded, and the deadline has not passed: both say "not overdue".
        Assert.False(Clock.Read(start, limit, deadline, At(11, 24, 13, 0)).IsOverdue);
        Assert.True(Clock.Read(start, limit, deadline, At(11, 24, 14, 1)).IsOverdue);
    }

    [Fact]
    public void Working_hours_run_across_the_night() =>
        Assert.Equal(At(11, 25, 10, 30), Clock.Deadline(At(11, 24, 16, 30), TimeLimit.WorkingHours(3)));

    [Fact]
    public void A_report_made_at_night_starts_counting_at_half_past_eight() =>
        Assert.Equal(At(11, 25, 10, 30), Clock.Deadline(At(11, 24, 22, 0), TimeLimit.WorkingHours(2)));

    [Fact]
    public void Working_hours_skip_the_weekend() =>
        Assert.Equal(At(11, 30, 9, 30), Clock.Deadline(At(11, 27, 16, 30), TimeLimit.WorkingHours(2))); // Friday → Monday

    [Fact]
    public void Working_days_are_whole_working_day_lengths() =>
        Assert.Equal(At(11, 25, 15, 0), Clock.Deadline(At(11, 24, 15, 0), TimeLimit.WorkingDays(1)));

    [Fact]
    public void Holidays_are_skipped_and_make_up_days_count()
    {
        Assert.False(Calendar.IsWorkday(new DateOnly(2026, 10, 2)));
        Assert.True(Calendar.IsWorkday(new DateOnly(2026, 9, 27)));  // a Sunday made a workday
        Assert.True(Calendar.IsWorkday(new DateOnly(2026, 10, 10))); // a Saturday made a workday
        // Wednesday 30 September 16:30 + 2 working hours: the holiday week is skipped, Thursday 8 October resumes.
        Assert.Equal(At(10, 8, 9, 30), Clock.Deadline(At(9, 30, 16, 30), TimeLimit.WorkingHours(2)));
    }

    [Fact]
    public void Natural_hours_ignore_the_calendar() =>
        Assert.Equal(At(11, 29, 1, 0), Clock.Deadline(At(11, 28, 23, 0), TimeLimit.NaturalHours(2))); // Saturday night

    [Fact]
    public void Time_used_counts_only_working_time()
    {
        Assert.Equal(2.0, Clock.Used(At(11, 24, 11, 0), At(11, 24, 15, 0), LimitUnit.WorkingHours), 6); // 1 h before lunch, 1 h after
        Assert.Equal(0.0, Clock.Used(At(11, 28, 9, 0), At(11, 29, 18, 0), LimitUnit.WorkingHours), 6); // a whole weekend
        Assert.Equal(1.0, Clock.Used(At(11, 24, 15, 0), At(11, 25, 15, 0), LimitUnit.WorkingDays), 6);
        Assert.Equal(0.0, Clock.Used(At(11, 24, 15, 0), At(11, 24, 14, 0), LimitUnit.WorkingHours), 6);
    }

    [Theory]
    [InlineData(9.5, TimingLevel.Green)]   // 1 of 4 h used
    [InlineData(11.0, TimingLevel.Yellow)] // 2.5 of 4
    [InlineData(14.5, TimingLevel.Orange)] // 4 of 4: due now, not yet over
    [InlineData(16.0, TimingLevel.Red)]    // 5.5 of 4
    [InlineData(17.5, TimingLevel.Red)]    // 7 of 4: 1.75×
    public void The_clock_colour_follows_the_share_of_the_limit_used(double hourOfDay, TimingLevel level)
    {
        var start = At(11, 24, 8, 30);
        var limit = TimeLimit.WorkingHours(4);
        var now = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8)).AddHours(hourOfDay);
        var reading = Clock.Read(start, limit, Clock.Deadline(start, limit), now);
        Assert.Equal(level, reading.Level);
        Assert.Equal(level == TimingLevel.Red, reading.IsOverdue);
    }

    [Fact]
    public void Twice_the_limit_is_purple_and_the_multiple_says_by_how_much()
    {
        var start = At(11, 24, 8, 30);
        var limit = TimeLimit.WorkingHours(2);
        var reading = Clock.Read(start, limit, Clock.Deadline(start, limit), At(11, 24, 15, 0)); // 3.5 + 1 = 4.5 h
        Assert.Equal(TimingLevel.Purple, reading.Level);
        Assert.Equal(2.25, reading.OvertimeMultiple, 6);
    }

    [Fact]
    public void A_paused_clock_stops_counting()
    {
        var start = At(11, 24, 8, 30);
        var limit = TimeLimit.WorkingHours(2);
        var reading = Clock.Read(start, limit, Clock.Deadline(start, limit), At(11, 27, 17, 0), pausedAt: At(11, 24, 9, 30));
        Assert.Equal(1.0, reading.Used, 6);
        Assert.False(reading.IsOverdue);
        Assert.True(reading.IsPaused);
    }

    [Fact]
    public void Overlapping_working_hours_are_refused() =>
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(Shanghai,
            [(new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(11, 0), new TimeOnly(13, 0))]));
}
