using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Streets;

namespace CommandCenter.Tests.Domain;

/// <summary>
/// Escalation of an overdue case on 三元巷 from its patroller 夏新民 (L3) to 钱明轩 (L2) and leader 孙志明 (L1),
/// on the default calendar (08:30–12:00, 14:00–17:30, Mon–Fri) with the 2026 National Day holiday.
/// </summary>
public sealed class EscalationPolicyTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly SlaClock Clock = new(new WorkingCalendar(Shanghai,
        holidays: Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)),
        makeUpDays: [new DateOnly(2026, 9, 27), new DateOnly(2026, 10, 10)]));

    private static readonly IReadOnlyList<ChiefLink> Chain =
        [new(RoadChiefLevel.Patroller, "P0118"), new(RoadChiefLevel.SquadronLeader, "P0125"), new(RoadChiefLevel.AreaChief, "P0003")];

    private static readonly EscalationPolicy Policy = EscalationPolicy.Default;

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Fact]
    public void By_default_each_level_waits_four_working_hours_and_an_alert_thirty_minutes()
    {
        Assert.Equal(TimeLimit.WorkingHours(4), Policy.OverdueSpan);
        Assert.Equal(TimeLimit.NaturalMinutes(30), Policy.AcknowledgeTimeout);
        Assert.Empty(Policy.Validate());
    }

    [Fact]
    public void A_case_overdue_on_a_tuesday_morning_climbs_across_lunch_and_the_night()
    {
        var alerts = Policy.PlanOverdueAlerts(At(11, 24, 9, 30), Chain, Clock);

        Assert.Equal(
            [
                new PlannedAlert(RoadChiefLevel.Patroller, "P0118", At(11, 24, 9, 30)),      // at once
                new PlannedAlert(RoadChiefLevel.SquadronLeader, "P0125", At(11, 24, 15, 30)), // 2.5 h to noon + 1.5 h after lunch
                new PlannedAlert(RoadChiefLevel.AreaChief, "P0003", At(11, 25, 10, 30)),     // 8 h: 2.5 + 3.5 on Tuesday, 2 on Wednesday
            ],
            alerts);
    }

    [Theory]
    // Friday 16:00: 1.5 h on Friday, then Monday 30 November: 2.5 h → 11:00; 8 h → 1.5 + 3.5 + 3 → 17:00.
    [InlineData("2026-11-27 16:00", "2026-11-30 11:00", "2026-11-30 17:00")]
    // Wednesday 30 September 15:00: 2.5 h, then the National Day week, resuming Thursday 8 October: 1.5 h → 10:00; 8 h → 2.5 + 3.5 + 2 → 16:00.
    [InlineData("2026-09-30 15:00", "2026-10-08 10:00", "2026-10-08 16:00")]
    // Tuesday 20:00 (a natural-hours case falls overdue at night): counting starts Wednesday 08:30; 4 h → 14:30; 8 h → 7 h Wednesday + 1 h → Thursday 09:30.
    [InlineData("2026-11-24 20:00", "2026-11-25 14:30", "2026-11-26 09:30")]
    // Tuesday 11:30: half an hour before lunch and 3.5 h after use the four hours up exactly at 17:30, so the alert
    // falls due when work resumes on Wednesday at 08:30; 8 h → 0.5 + 3.5 + 3.5 + 0.5 → Wednesday 14:30.
    [InlineData("2026-11-24 11:30", "2026-11-25 08:30", "2026-11-25 14:30")]
    // Saturday 26 September, the day before the 调休 Sunday: counting starts Sunday 08:30 → 12:00 + 0.5 h → 14:30.
    [InlineData("2026-09-26 10:00", "2026-09-27 14:30", "2026-09-28 09:30")]
    public void Levels_up_are_alerted_after_whole_working_spans(string overdue, string l2, string l1)
    {
        var overdueAt = Local(overdue);

        var alerts = Policy.PlanOverdueAlerts(overdueAt, Chain, Clock);

        Assert.Equal([overdueAt, Local(l2), Local(l1)], alerts.Select(a => a.DueAt));
        Assert.Equal(["P0118", "P0125", "P0003"], alerts.Select(a => a.PersonId));
    }

    [Fact]
    public void A_street_whose_chief_is_a_squadron_leader_escalates_once()
    {
        var alerts = Policy.PlanOverdueAlerts(At(11, 24, 9, 30), Chain.Skip(1).ToList(), Clock);

        Assert.Equal([RoadChiefLevel.SquadronLeader, RoadChiefLevel.AreaChief], alerts.Select(a => a.Level));
        Assert.Equal(At(11, 24, 15, 30), alerts[1].DueAt);
    }

    [Fact]
    public void A_longer_span_from_the_settings_is_used()
    {
        var policy = Policy with { OverdueSpan = TimeLimit.WorkingDays(1) };

        var alerts = policy.PlanOverdueAlerts(At(11, 24, 15, 0), Chain, Clock);

        Assert.Equal([At(11, 24, 15, 0), At(11, 25, 15, 0), At(11, 26, 15, 0)], alerts.Select(a => a.DueAt));
    }

    [Fact]
    public void A_street_without_chief_plans_no_alerts_and_a_chain_must_run_upwards()
    {
        Assert.Empty(Policy.PlanOverdueAlerts(At(11, 24, 9, 30), [], Clock));
        Assert.Throws<ArgumentException>(() => Policy.PlanOverdueAlerts(At(11, 24, 9, 30), Chain.Reverse().ToList(), Clock));
    }

    [Fact]
    public void An_unacknowledged_alert_goes_one_level_up_after_thirty_minutes()
    {
        var up = Policy.EscalateUnacknowledged(RoadChiefLevel.Patroller, At(11, 24, 9, 30), Chain, Clock);
        Assert.Equal(new PlannedAlert(RoadChiefLevel.SquadronLeader, "P0125", At(11, 24, 10, 0)), up);

        var upAgain = Policy.EscalateUnacknowledged(up!.Level, up.DueAt, Chain, Clock);
        Assert.Equal(new PlannedAlert(RoadChiefLevel.AreaChief, "P0003", At(11, 24, 10, 30)), upAgain);
    }

    [Fact]
    public void Natural_minutes_run_through_a_saturday_night()
    {
        var up = Policy.EscalateUnacknowledged(RoadChiefLevel.Patroller, At(11, 28, 23, 50), Chain, Clock);

        Assert.Equal(At(11, 29, 0, 20), up!.DueAt);
    }

    [Fact]
    public void An_acknowledgement_time_in_working_hours_waits_over_the_weekend()
    {
        var policy = Policy with { AcknowledgeTimeout = TimeLimit.WorkingHours(0.5) };

        // Friday 17:15: 15 minutes left on Friday, 15 more on Monday morning.
        var up = policy.EscalateUnacknowledged(RoadChiefLevel.Patroller, At(11, 27, 17, 15), Chain, Clock);

        Assert.Equal(At(11, 30, 8, 45), up!.DueAt);
    }

    [Fact]
    public void Escalation_stops_at_the_area_chief()
    {
        Assert.Null(Policy.EscalateUnacknowledged(RoadChiefLevel.AreaChief, At(11, 24, 9, 30), Chain, Clock));
        // A chain that ends at L2 (no L1 known) has nobody above the squadron leader either.
        Assert.Null(Policy.EscalateUnacknowledged(RoadChiefLevel.SquadronLeader, At(11, 24, 9, 30), Chain.Take(2).ToList(), Clock));
    }

    [Fact]
    public void A_level_nobody_holds_is_skipped()
    {
        IReadOnlyList<ChiefLink> noSquadronLeader = [Chain[0], Chain[2]];

        var up = Policy.EscalateUnacknowledged(RoadChiefLevel.Patroller, At(11, 24, 9, 30), noSquadronLeader, Clock);

        Assert.Equal(new PlannedAlert(RoadChiefLevel.AreaChief, "P0003", At(11, 24, 10, 0)), up);
    }

    [Fact]
    public void Spans_must_be_positive()
    {
        var errors = new EscalationPolicy(TimeLimit.WorkingHours(0), TimeLimit.NaturalMinutes(-5)).Validate();

        Assert.Equal([("overdueSpan", "SpanNotPositive"), ("acknowledgeTimeout", "SpanNotPositive")], errors.Select(e => (e.Field, e.Code)));
    }

    private static DateTimeOffset Local(string text)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, TimeSpan.FromHours(8));
    }
}
