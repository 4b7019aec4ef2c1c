using CommandCenter.Domain.Clocks;
using static CommandCenter.Domain.Clocks.Reminder;
using static CommandCenter.Tests.Domain.CalendarFixtures;

namespace CommandCenter.Tests.Domain;

/// <summary>
/// When the system chases (催办, at 50 % and 80 % of the limit) and supervises (督办, once overdue and at 2×) by itself,
/// on the real 2026 calendar: 08:30–12:00 and 14:00–17:30, holidays skipped, 调休 Saturdays worked.
/// </summary>
public sealed class ReminderScheduleTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly IReadOnlySet<Reminder> NoneRaised = new HashSet<Reminder>();

    [Fact]
    public void Across_a_lunch_break_half_the_limit_is_reached_at_noon_when_the_clock_turns_yellow()
    {
        // 2 working hours dispatched Tuesday 24 November 11:00.
        var start = At(11, 24, 11, 0);
        var limit = TimeLimit.WorkingHours(2);
        var schedule = Schedule(start, limit);
        AssertCrossings(schedule,
            chase1: At(11, 24, 12, 0),      // 50 % = 1 h: 11:00–12:00, used up as lunch begins
            chase2: At(11, 24, 14, 36),     // 80 % = 1 h 36 min: 1 h before lunch, 36 min from 14:00
            deadline: At(11, 24, 15, 0),    // 100 % = 2 h: 1 h + 1 h from 14:00; 督办 just after
            supervise2: At(11, 24, 17, 0)); // 200 % = 4 h: 1 h + 3 h from 14:00
        AssertAgreesWithTheClock(start, limit, schedule);
        // Over lunch the clock already reads yellow, so the chase is due then, not only when work resumes at 14:00
        // (which is where a 1-hour deadline would fall).
        Assert.Equal(TimingLevel.Yellow, Read(start, limit, At(11, 24, 13, 0)).Level);
        Assert.Equal([Chase(1)], schedule.Due(NoneRaised, At(11, 24, 13, 0)));
        Assert.Equal(At(11, 24, 14, 0), Clock2026.Deadline(start, TimeLimit.WorkingHours(1)));
    }

    [Fact]
    public void Across_a_night_the_reminders_wait_for_the_next_morning()
    {
        // 4 working hours dispatched Tuesday 16:30: 1 h is left that day (16:30–17:30).
        var start = At(11, 24, 16, 30);
        var limit = TimeLimit.WorkingHours(4);
        var schedule = Schedule(start, limit);
        AssertCrossings(schedule,
            chase1: At(11, 25, 9, 30),       // 50 % = 2 h: 1 h Tuesday + 1 h from Wednesday 08:30
            chase2: At(11, 25, 10, 42),      // 80 % = 3 h 12 min: 1 h + 2 h 12 min
            deadline: At(11, 25, 11, 30),    // 100 % = 4 h: 1 h + 3 h
            supervise2: At(11, 25, 17, 30)); // 200 % = 8 h: 1 h + 3.5 h Wednesday morning + 3.5 h afternoon, used up at 17:30
        AssertAgreesWithTheClock(start, limit, schedule);
        Assert.Empty(schedule.Due(NoneRaised, At(11, 25, 7, 0)));
    }

    [Fact]
    public void Across_a_weekend_nothing_falls_due_on_saturday_or_sunday()
    {
        // 4 working hours dispatched Friday 27 November 15:30.
        var start = At(11, 27, 15, 30);
        var limit = TimeLimit.WorkingHours(4);
        var schedule = Schedule(start, limit);
        AssertCrossings(schedule,
            chase1: At(11, 27, 17, 30),      // 50 % = 2 h: exactly the rest of Friday; yellow all weekend
            chase2: At(11, 30, 9, 42),       // 80 % = 3 h 12 min: 2 h Friday + 1 h 12 min from Monday 08:30
            deadline: At(11, 30, 10, 30),    // 100 %: 2 h + 2 h
            supervise2: At(11, 30, 16, 30)); // 200 % = 8 h: 2 h + 3.5 h Monday morning + 2.5 h from 14:00
        AssertAgreesWithTheClock(start, limit, schedule);
        Assert.Equal([Chase(1)], schedule.Due(NoneRaised, At(11, 29, 12, 0)));
    }

    [Fact]
    public void Over_the_spring_festival_a_two_day_limit_counts_the_saturday_worked_before_it_and_skips_the_holiday()
    {
        // 2 working days = 14 working hours, dispatched Friday 13 February 2026 16:00. Working time, cumulated:
        //   Fri 02-13 16:00–17:30                   1.5 h
        //   Sat 02-14 (调休 workday) 08:30–12:00    5.0   14:00–17:30   8.5
        //   Sun 02-15 … Mon 02-23                   春节 holidays, nothing counts
        //   Tue 02-24 08:30–12:00                  12.0   14:00–17:30  15.5
        //   Wed 02-25                              19.0                22.5
        //   Thu 02-26                              26.0                29.5
        var start = At(2, 13, 16, 0);
        var limit = TimeLimit.WorkingDays(2);
        var schedule = Schedule(start, limit);
        AssertCrossings(schedule,
            chase1: At(2, 14, 16, 0),       // 50 % = 7 h: 5.0 by Saturday noon, 2 h more from 14:00
            chase2: At(2, 24, 11, 12),      // 80 % = 11.2 h: 8.5 by Saturday night, 2.7 h = 2 h 42 min from Tuesday 08:30
            deadline: At(2, 24, 16, 0),     // 100 % = 14 h: 12.0 by Tuesday noon, 2 h from 14:00
            supervise2: At(2, 26, 16, 0));  // 200 % = 28 h: 26.0 by Thursday noon, 2 h from 14:00
        AssertAgreesWithTheClock(start, limit, schedule);
    }

    [Fact]
    public void Without_the_make_up_saturday_the_first_chase_would_wait_until_after_the_festival()
    {
        // The same dispatch on a calendar that knows the holidays but not the 调休 Saturdays:
        // 1.5 h Friday, then nothing until Tuesday 02-24: 1.5 + 3.5 = 5.0 by noon, 2 h more from 14:00.
        var clock = new SlaClock(new WorkingCalendar(Shanghai, holidays: Cn2026.Holidays));
        var schedule = ReminderSchedule.For(clock, At(2, 13, 16, 0), TimeLimit.WorkingDays(2), null, ReminderSettings.Defaults);
        Assert.Equal(At(2, 24, 16, 0), schedule.Crossings[0].At);
    }

    [Fact]
    public void A_three_day_limit_from_the_festival_eve_reaches_twice_its_length_on_the_second_make_up_saturday()
    {
        // 3 working days = 21 h from Friday 13 February 16:00; cumulated as above, then
        //   Fri 02-27 08:30–17:30                  33.0 / 36.5
        //   Sat 02-28 (调休 workday) 08:30–12:00   40.0   14:00–17:30  43.5
        var start = At(2, 13, 16, 0);
        var limit = TimeLimit.WorkingDays(3);
        var schedule = Schedule(start, limit);
        AssertCrossings(schedule,
            chase1: At(2, 24, 10, 30),      // 50 % = 10.5 h: 8.5 by Saturday 02-14, 2 h from Tuesday 08:30
            chase2: At(2, 25, 9, 48),       // 80 % = 16.8 h: 15.5 by Tuesday night, 1.3 h = 1 h 18 min from Wednesday 08:30
            deadline: At(2, 25, 16, 0),     // 100 % = 21 h: 19.0 by Wednesday noon, 2 h from 14:00
            supervise2: At(2, 28, 16, 0));  // 200 % = 42 h: 40.0 by Saturday 02-28 noon, 2 h from 14:00
        AssertAgreesWithTheClock(start, limit, schedule);
    }

    [Fact]
    public void Natural_hours_run_through_the_night_by_plain_arithmetic()
    {
        // An urgent 1-hour limit (class 04) dispatched Saturday 28 November 23:30.
        var start = At(11, 28, 23, 30);
        var limit = TimeLimit.NaturalHours(1);
        var schedule = Schedule(start, limit);
        AssertCrossings(schedule, chase1: At(11, 29, 0, 0), chase2: At(11, 29, 0, 18), deadline: At(11, 29, 0, 30), supervise2: At(11, 29, 1, 30));
        AssertAgreesWithTheClock(start, limit, schedule);
    }

    [Fact]
    public void A_limit_used_up_at_noon_is_supervised_only_once_work_resumes_and_the_clock_goes_overdue()
    {
        // 3.5 working hours from Tuesday 08:30 run out exactly at 12:00; the deadline is 14:00, when work resumes.
        var start = At(11, 24, 8, 30);
        var limit = TimeLimit.WorkingHours(3.5);
        var schedule = Schedule(start, limit);
        AssertCrossings(schedule,
            chase1: At(11, 24, 10, 15),      // 50 % = 1 h 45 min
            chase2: At(11, 24, 11, 18),      // 80 % = 2.8 h = 2 h 48 min
            deadline: At(11, 24, 14, 0),
            supervise2: At(11, 24, 17, 30)); // 200 % = 7 h: the whole day
        // From noon to 14:00 the limit is used up but not exceeded: orange, not overdue, no 督办.
        Assert.Equal(TimingLevel.Orange, Read(start, limit, At(11, 24, 13, 0)).Level);
        Assert.Equal([Chase(1), Chase(2)], schedule.Due(NoneRaised, At(11, 24, 14, 0)));
        // Exactly at the deadline the reading is not yet overdue; one tick later it is, and the 督办 is due.
        Assert.False(Read(start, limit, At(11, 24, 14, 0)).IsOverdue);
        Assert.True(Read(start, limit, At(11, 24, 14, 0) + Tick).IsOverdue);
        Assert.Contains(Supervise(1), schedule.Due(NoneRaised, At(11, 24, 14, 0) + Tick));
        AssertAgreesWithTheClock(start, limit, schedule);
    }

    [Fact]
    public void Polled_every_five_minutes_through_the_festival_each_reminder_fires_exactly_once()
    {
        var start = At(2, 13, 16, 0);
        var schedule = Schedule(start, TimeLimit.WorkingDays(2));
        var raised = new HashSet<Reminder>();
        var fired = new List<(Reminder Reminder, DateTimeOffset At)>();
        for (var now = start; now <= At(2, 27, 18, 0); now += TimeSpan.FromMinutes(5))
        {
            foreach (var reminder in schedule.Due(raised, now))
            {
                Assert.True(raised.Add(reminder), $"{reminder} fired twice");
                fired.Add((reminder, now));
            }
        }
        Assert.Equal(
            [
                (Chase(1), At(2, 14, 16, 0)),      // crossed at 16:00 sharp, seen by the 16:00 poll
                (Chase(2), At(2, 24, 11, 15)),     // crossed 11:12, next poll 11:15
                (Supervise(1), At(2, 24, 16, 5)),  // overdue just after 16:00: the 16:00 poll is too early
                (Supervise(2), At(2, 26, 16, 0)),
            ],
            fired);
    }

    [Fact]
    public void A_poll_that_comes_late_raises_every_missed_reminder_in_order_and_then_nothing()
    {
        var schedule = Schedule(At(2, 13, 16, 0), TimeLimit.WorkingDays(2));
        var due = schedule.Due(NoneRaised, At(3, 2, 9, 0));
        Assert.Equal([Chase(1), Chase(2), Supervise(1), Supervise(2)], due);
        var raised = due.ToHashSet();
        Assert.Empty(schedule.Due(raised, At(3, 2, 9, 0)));
        Assert.Null(schedule.Next(raised));
    }

    [Fact]
    public void Next_says_when_to_look_again()
    {
        var schedule = Schedule(At(2, 13, 16, 0), TimeLimit.WorkingDays(2));
        Assert.Equal(At(2, 14, 16, 0), schedule.Next(NoneRaised));
        Assert.Equal(At(2, 24, 11, 12), schedule.Next(new HashSet<Reminder> { Chase(1) }));
    }

    [Fact]
    public void A_shelved_clock_raises_nothing()
    {
        var schedule = Schedule(At(2, 13, 16, 0), TimeLimit.WorkingDays(2), pausedAt: At(2, 14, 9, 0));
        Assert.Empty(schedule.Crossings);
        Assert.Empty(schedule.Due(NoneRaised, At(3, 31, 12, 0)));
        Assert.Null(schedule.Next(NoneRaised));
    }

    [Fact]
    public void An_admin_who_turns_chasing_off_and_supervises_at_one_and_a_half_times_gets_just_those()
    {
        var start = At(11, 24, 9, 0);
        var limit = TimeLimit.WorkingHours(4);
        var settings = ReminderSettings.Defaults with { ChaseAt = [], SuperviseAt = [1.0, 1.5] };
        var schedule = Schedule(start, limit, settings);
        // 4 h from 09:00: 3 h before noon, 1 h from 14:00 → 15:00; 1.5× = 6 h → 3 h + 3 h → 17:00.
        Assert.Equal(
            [(Supervise(1), At(11, 24, 15, 0) + Tick), (Supervise(2), At(11, 24, 17, 0))],
            schedule.Crossings.Select(c => (c.Reminder, c.At)));
        var deadline = Clock2026.Deadline(start, limit);
        Assert.True(Clock2026.Read(start, limit, deadline, At(11, 24, 17, 0) - Second).OvertimeMultiple < 1.5);
        Assert.True(Clock2026.Read(start, limit, deadline, At(11, 24, 17, 0) + Second).OvertimeMultiple >= 1.5);
    }

    [Fact]
    public void Reminders_read_and_write_as_slugs_for_storage()
    {
        Assert.Equal("chase-1", Chase(1).Slug);
        Assert.Equal("supervise-2", Supervise(2).Slug);
        Assert.True(Reminder.TryParse("supervise-2", out var parsed));
        Assert.Equal(Supervise(2), parsed);
        Assert.All(new[] { "supervise", "supervise-0", "chase--1", "nag-1", "chase-x", "", null }, s => Assert.False(Reminder.TryParse(s, out _)));
    }

    private static ReminderSchedule Schedule(DateTimeOffset start, TimeLimit limit, ReminderSettings? settings = null, DateTimeOffset? pausedAt = null) =>
        ReminderSchedule.For(Clock2026, start, limit, pausedAt, settings ?? ReminderSettings.Defaults);

    private static ClockReading Read(DateTimeOffset start, TimeLimit limit, DateTimeOffset now) =>
        Clock2026.Read(start, limit, Clock2026.Deadline(start, limit), now);

    /// <summary>The default thresholds in order; the 督办 at overdue falls one tick after the deadline.</summary>
    private static void AssertCrossings(ReminderSchedule schedule, DateTimeOffset chase1, DateTimeOffset chase2, DateTimeOffset deadline, DateTimeOffset supervise2) =>
        Assert.Equal(
            [(Chase(1), chase1), (Chase(2), chase2), (Supervise(1), deadline + Tick), (Supervise(2), supervise2)],
            schedule.Crossings.Select(c => (c.Reminder, c.At)));

    /// <summary>What the clock's reading says about each default threshold: yellow, orange, overdue, purple.</summary>
    private static bool ReadingSays(Reminder reminder, ClockReading reading) => reminder switch
    {
        { Kind: ReminderKind.Chase, Level: 1 } => reading.Level >= TimingLevel.Yellow,
        { Kind: ReminderKind.Chase, Level: 2 } => reading.Level >= TimingLevel.Orange,
        { Kind: ReminderKind.Supervise, Level: 1 } => reading.IsOverdue && reading.Level >= TimingLevel.Red,
        _ => reading.Level == TimingLevel.Purple,
    };

    /// <summary>A second before each crossing the reading says "not yet" and no reminder is due; a second after it says so and it is.</summary>
    private static void AssertAgreesWithTheClock(DateTimeOffset start, TimeLimit limit, ReminderSchedule schedule)
    {
        foreach (var crossing in schedule.Crossings)
        {
            var (before, after) = (crossing.At - Second, crossing.At + Second);
            Assert.False(ReadingSays(crossing.Reminder, Read(start, limit, before)), $"{crossing.Reminder} reads reached at {before:O}");
            Assert.True(ReadingSays(crossing.Reminder, Read(start, limit, after)), $"{crossing.Reminder} reads not reached at {after:O}");
            Assert.DoesNotContain(crossing.Reminder, schedule.Due(NoneRaised, before));
            Assert.Contains(crossing.Reminder, schedule.Due(NoneRaised, crossing.At));
        }
    }
}
