using CommandCenter.Domain.Duty;

namespace CommandCenter.Tests.Domain;

/// <summary>The demo bureau's leaders 孙志明 (P0003), 彭守仁 (P0004) and 苏立新 (P0005) take turns as 马路局长.</summary>
public sealed class RoadDirectorRosterTests
{
    private static readonly IReadOnlyList<string> Leaders = ["P0003", "P0004", "P0005"];

    private static readonly DateTimeOffset PlannedAt = new(2025, 12, 15, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly DateTimeOffset ChangedAt = new(2026, 2, 20, 16, 0, 0, TimeSpan.FromHours(8));

    /// <summary>2026 planned starting with 彭守仁: Jan P0004, Feb P0005, Mar P0003, Apr P0004, May P0005 … Dec P0003.</summary>
    private static RoadDirectorRoster Planned2026()
    {
        var roster = new RoadDirectorRoster();
        Assert.True(roster.PlanYear(2026, Leaders, "P0004", "P0001", PlannedAt).Succeeded);
        return roster;
    }

    private static DateOnly Day(int month, int day, int year = 2026) => new(year, month, day);

    [Fact]
    public void Planning_a_year_gives_each_month_the_next_leader_in_turn()
    {
        var roster = new RoadDirectorRoster();

        var result = roster.PlanYear(2026, Leaders, "P0004", "P0001", PlannedAt);

        Assert.Equal(12, result.Changes.Count);
        Assert.All(result.Changes, c => Assert.Equal((RosterChangeKind.Planned, null, "P0001", PlannedAt), (c.Kind, c.Before, c.By, c.At)));
        Assert.Equal(
            ["P0004", "P0005", "P0003", "P0004", "P0005", "P0003", "P0004", "P0005", "P0003", "P0004", "P0005", "P0003"],
            roster.Months.Select(m => m.LeaderId));
        Assert.Equal("2026-01", roster.Months[0].Month.ToString());
        Assert.Equal(new RoadDirectorOnDuty("P0003", false), roster.OnDuty(Day(3, 15)));
        Assert.Equal(new RoadDirectorOnDuty("P0003", false), roster.OnDuty(Day(12, 31)));
    }

    [Fact]
    public void The_next_year_carries_on_after_last_decembers_leader()
    {
        var roster = Planned2026();

        Assert.True(roster.PlanYear(2027, Leaders, null, "P0003", PlannedAt.AddYears(1)).Succeeded);

        // December 2026 was 孙志明 (P0003), so January 2027 goes to 彭守仁.
        Assert.Equal("P0004", roster.LeaderOf(new RosterMonth(2027, 1)));
        Assert.Equal("P0003", roster.LeaderOf(new RosterMonth(2027, 12)));
        Assert.Equal(24, roster.Months.Count);
    }

    [Fact]
    public void Without_a_previous_year_the_first_leader_starts()
    {
        var roster = new RoadDirectorRoster();
        roster.PlanYear(2026, Leaders, null, "P0001", PlannedAt);

        Assert.Equal("P0003", roster.LeaderOf(new RosterMonth(2026, 1)));
    }

    [Fact]
    public void A_swap_exchanges_two_months_and_keeps_both_sides_in_the_history()
    {
        var roster = Planned2026();

        var result = roster.Swap("2026-03", "2026-05", "P0004", ChangedAt);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [
                new RosterChange(RosterChangeKind.Swapped, new RosterMonth(2026, 3), null, "P0003", "P0005", "P0004", ChangedAt),
                new RosterChange(RosterChangeKind.Swapped, new RosterMonth(2026, 5), null, "P0005", "P0003", "P0004", ChangedAt),
            ],
            result.Changes);
        Assert.Equal("P0005", roster.OnDuty(Day(3, 1))!.PersonId);
        Assert.Equal("P0003", roster.OnDuty(Day(5, 31))!.PersonId);
        Assert.Equal(14, roster.History.Count);
    }

    [Fact]
    public void Swapping_two_months_of_the_same_leader_changes_nothing()
    {
        var roster = Planned2026();

        var result = roster.Swap("2026-03", "2026-06", "P0004", ChangedAt); // both 孙志明

        Assert.True(result.Succeeded);
        Assert.Empty(result.Changes);
        Assert.Equal(12, roster.History.Count);
    }

    [Fact]
    public void A_month_can_be_given_to_another_leader()
    {
        var roster = Planned2026();

        var result = roster.SetMonth("2026-04", "P0005", "P0003", ChangedAt);

        Assert.Equal([new RosterChange(RosterChangeKind.Set, new RosterMonth(2026, 4), null, "P0004", "P0005", "P0003", ChangedAt)], result.Changes);
        Assert.Equal("P0005", roster.OnDuty(Day(4, 10))!.PersonId);
        Assert.Empty(roster.SetMonth("2026-04", "P0005", "P0003", ChangedAt).Changes);
    }

    [Fact]
    public void A_stand_in_beats_the_months_leader_on_that_day_only_and_can_be_taken_off()
    {
        var roster = Planned2026();

        Assert.True(roster.StandIn(Day(3, 10), "P0005", "P0003", ChangedAt).Succeeded);

        Assert.Equal(new RoadDirectorOnDuty("P0005", true), roster.OnDuty(Day(3, 10)));
        Assert.Equal(new RoadDirectorOnDuty("P0003", false), roster.OnDuty(Day(3, 9)));
        Assert.Equal(new RoadDirectorOnDuty("P0003", false), roster.OnDuty(Day(3, 11)));

        var changed = roster.StandIn(Day(3, 10), "P0004", "P0003", ChangedAt.AddHours(1));
        Assert.Equal(("P0005", "P0004"), (changed.Changes[0].Before, changed.Changes[0].After));

        var removed = roster.RemoveStandIn(Day(3, 10), "P0003", ChangedAt.AddHours(2));
        Assert.Equal(
            [new RosterChange(RosterChangeKind.StandInRemoved, new RosterMonth(2026, 3), Day(3, 10), "P0004", null, "P0003", ChangedAt.AddHours(2))],
            removed.Changes);
        Assert.Equal(new RoadDirectorOnDuty("P0003", false), roster.OnDuty(Day(3, 10)));
        Assert.Empty(roster.StandIns);
    }

    [Fact]
    public void The_history_rebuilds_the_same_roster()
    {
        var roster = Planned2026();
        roster.Swap("2026-03", "2026-05", "P0004", ChangedAt);
        roster.StandIn(Day(7, 1), "P0003", "P0004", ChangedAt);
        roster.StandIn(Day(8, 8), "P0004", "P0004", ChangedAt);
        roster.RemoveStandIn(Day(8, 8), "P0004", ChangedAt);

        var rebuilt = new RoadDirectorRoster(roster.History);

        Assert.Equal(roster.Months, rebuilt.Months);
        Assert.Equal(roster.StandIns, rebuilt.StandIns);
        Assert.Equal(new RoadDirectorOnDuty("P0003", true), rebuilt.OnDuty(Day(7, 1)));
        Assert.Equal(roster.History, rebuilt.History);
    }

    [Fact]
    public void A_day_outside_any_planned_year_has_nobody_on_duty()
    {
        var roster = Planned2026();

        Assert.Null(roster.OnDuty(Day(1, 1, 2027)));
        Assert.Null(new RoadDirectorRoster().OnDuty(Day(1, 1)));
    }

    [Theory]
    [InlineData("2026-13", "MonthFormat")]
    [InlineData("March", "MonthFormat")]
    [InlineData("2026-3", "MonthFormat")]
    [InlineData("2027-01", "MonthNotPlanned")]
    public void A_month_must_be_written_yyyy_MM_and_planned(string month, string code)
    {
        var roster = Planned2026();

        var set = roster.SetMonth(month, "P0005", "P0003", ChangedAt);
        var swap = roster.Swap("2026-01", month, "P0003", ChangedAt);

        Assert.Equal([("month", code)], set.Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal([("monthB", code)], swap.Errors.Select(e => (e.Field, e.Code)));
        Assert.Empty(set.Changes);
        Assert.Equal(12, roster.History.Count);
    }

    [Fact]
    public void Stand_ins_are_refused_without_a_plan_for_the_leader_himself_and_removals_without_a_stand_in()
    {
        var roster = Planned2026();

        Assert.Equal([("date", "DateNotPlanned")], roster.StandIn(Day(2, 1, 2027), "P0005", "P0003", ChangedAt).Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal([("personId", "StandInIsMonthLeader")], roster.StandIn(Day(3, 2), "P0003", "P0003", ChangedAt).Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal([("personId", "Required")], roster.StandIn(Day(3, 2), "", "P0003", ChangedAt).Errors.Select(e => (e.Field, e.Code)));
        var noStandIn = Assert.Single(roster.RemoveStandIn(Day(3, 2), "P0003", ChangedAt).Errors);
        Assert.Equal(("date", "NoStandIn", "2026-03-02"), (noStandIn.Field, noStandIn.Code, noStandIn.Args[0]));
        Assert.Equal(12, roster.History.Count);
    }

    [Fact]
    public void A_plan_needs_distinct_leaders_a_start_among_them_and_a_year_not_yet_planned()
    {
        var roster = Planned2026();

        var again = roster.PlanYear(2026, Leaders, null, "P0001", ChangedAt);
        var repeated = roster.PlanYear(2027, ["P0003", "P0004", "P0003"], "P0009", "P0001", ChangedAt);
        var nobody = roster.PlanYear(2028, [], null, "P0001", ChangedAt);

        Assert.Equal([("year", "YearAlreadyPlanned")], again.Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal([("leaders[2]", "LeaderRepeated"), ("startWith", "StartNotAmongLeaders")], repeated.Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal([("leaders", "Required")], nobody.Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal(12, roster.Months.Count);
    }
}
