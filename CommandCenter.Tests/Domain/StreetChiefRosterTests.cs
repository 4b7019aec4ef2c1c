using CommandCenter.Domain.Streets;

namespace CommandCenter.Tests.Domain;

/// <summary>Chiefs of 三元巷 (S002) and 中山东路 (S009) in the demo city, reassigned over 2026.</summary>
public sealed class StreetChiefRosterTests
{
    private static DateTimeOffset Recorded(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    private static DateTime Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0);

    private static StreetChiefAssignment Assign(string streetId, string personId, string name, RoadChiefLevel level,
        string? supervisor, DateOnly from, DateTimeOffset recordedAt, params string[] deputies) => new()
        {
            StreetId = streetId,
            PersonId = personId,
            PersonName = name,
            Phone = "025-80827942",
            Level = StreetChiefLevel.Street,
            RoadChiefLevel = level,
            SupervisorPersonId = supervisor,
            DeputyPersonIds = deputies,
            EffectiveFrom = from,
            AssignedBy = "P0001",
            AssignedAt = recordedAt,
        };

    // 夏新民 patrols 三元巷 (L3) under 钱明轩, the L2 of 中山东路, who answers to leader 孙志明 (L1).
    private static readonly StreetChiefAssignment XiaOnSanyuan =
        Assign("S002", "P0118", "夏新民", RoadChiefLevel.Patroller, "P0125", new DateOnly(2026, 1, 1), Recorded(12, 20).AddYears(-1));

    private static readonly StreetChiefAssignment QianOnZhongshanEast =
        Assign("S009", "P0125", "钱明轩", RoadChiefLevel.SquadronLeader, "P0003", new DateOnly(2026, 1, 1), Recorded(12, 20).AddYears(-1));

    private static readonly StreetChiefAssignment LiangFromDecember =
        Assign("S002", "P0119", "梁婉清", RoadChiefLevel.Patroller, "P0125", new DateOnly(2026, 12, 1), Recorded(11, 20));

    private static StreetChiefRoster Roster() => new([XiaOnSanyuan, QianOnZhongshanEast]);

    [Fact]
    public void A_case_reported_the_evening_before_a_reassignment_belongs_to_the_old_chief()
    {
        var roster = Roster();
        Assert.Empty(roster.Reassign(LiangFromDecember));

        Assert.Equal("P0118", roster.ChiefAt("S002", Local(11, 30, 20, 30))!.PersonId);
        Assert.Equal("P0118", roster.ChiefAt("S002", Local(11, 30, 23, 59))!.PersonId);
        // In charge from 00:00 local of the effective date.
        Assert.Equal("P0119", roster.ChiefAt("S002", Local(12, 1, 0, 0))!.PersonId);
        Assert.Equal([XiaOnSanyuan, LiangFromDecember], roster.History("S002"));
    }

    [Fact]
    public void A_street_has_no_chief_before_its_first_assignment_and_an_unknown_street_none_at_all()
    {
        var roster = Roster();
        Assert.Null(roster.ChiefAt("S002", new DateTime(2025, 12, 31, 23, 59, 0)));
        Assert.Null(roster.ChiefAt("S999", Local(6, 1, 9)));
        Assert.Empty(roster.History("S999"));
    }

    [Fact]
    public void A_later_record_for_the_same_date_corrects_the_earlier_one_and_both_stay_in_the_history()
    {
        var roster = Roster();
        roster.Reassign(LiangFromDecember);
        var correction = Assign("S002", "P0120", "许敏", RoadChiefLevel.Patroller, "P0125", new DateOnly(2026, 12, 1), Recorded(11, 21));

        Assert.Empty(roster.Reassign(correction));

        Assert.Equal("P0120", roster.ChiefAt("S002", Local(12, 1, 9))!.PersonId);
        Assert.Equal("P0118", roster.ChiefAt("S002", Local(11, 30, 9))!.PersonId);
        Assert.Equal(["P0118", "P0119", "P0120"], roster.History("S002").Select(a => a.PersonId));
    }

    [Fact]
    public void Assignments_loaded_in_any_order_give_the_same_chief()
    {
        var correction = Assign("S002", "P0120", "许敏", RoadChiefLevel.Patroller, "P0125", new DateOnly(2026, 12, 1), Recorded(11, 21));
        var roster = new StreetChiefRoster([correction, LiangFromDecember, XiaOnSanyuan]);

        Assert.Equal("P0120", roster.ChiefAt("S002", Local(12, 24, 9))!.PersonId);
        Assert.Equal("P0118", roster.ChiefAt("S002", Local(6, 1, 9))!.PersonId);
        Assert.Equal(["P0118", "P0119", "P0120"], roster.History("S002").Select(a => a.PersonId));
    }

    [Fact]
    public void A_new_chief_cannot_start_before_the_latest_assignment()
    {
        var roster = Roster();
        roster.Reassign(LiangFromDecember);
        var backdated = Assign("S002", "P0121", "程正阳", RoadChiefLevel.Patroller, "P0125", new DateOnly(2026, 11, 15), Recorded(11, 22));

        var error = Assert.Single(roster.Reassign(backdated));

        Assert.Equal(("effectiveFrom", "EffectiveDateBeforeCurrent"), (error.Field, error.Code));
        Assert.Equal(["2026-12-01"], error.Args);
        Assert.Equal(2, roster.History("S002").Count); // nothing recorded
        Assert.Equal("P0118", roster.ChiefAt("S002", Local(11, 20, 9))!.PersonId);
    }

    [Fact]
    public void Only_levels_two_and_three_have_a_chief_one_level_up()
    {
        var roster = Roster();
        var from = new DateOnly(2026, 7, 1);

        var areaChiefWithBoss = Assign("S005", "P0121", "程正阳", RoadChiefLevel.AreaChief, "P0003", from, Recorded(6, 1));
        var patrollerAlone = Assign("S005", "P0121", "程正阳", RoadChiefLevel.Patroller, null, from, Recorded(6, 1));
        var ownBoss = Assign("S005", "P0121", "程正阳", RoadChiefLevel.SquadronLeader, "P0121", from, Recorded(6, 1));

        Assert.Equal([("supervisorPersonId", "AreaChiefHasNoSupervisor")], roster.Validate(areaChiefWithBoss).Select(e => (e.Field, e.Code)));
        Assert.Equal([("supervisorPersonId", "SupervisorRequired")], roster.Validate(patrollerAlone).Select(e => (e.Field, e.Code)));
        Assert.Equal([("supervisorPersonId", "SupervisorIsChief")], roster.Validate(ownBoss).Select(e => (e.Field, e.Code)));
        Assert.Empty(roster.Validate(areaChiefWithBoss with { SupervisorPersonId = null }));
        Assert.Empty(roster.Reassign(patrollerAlone with { SupervisorPersonId = "P0125" }));
        Assert.Null(roster.ChiefAt("S005", Local(6, 30, 9)));
        Assert.NotNull(roster.ChiefAt("S005", Local(7, 1, 9)));
    }

    [Fact]
    public void Deputies_are_other_people_each_named_once()
    {
        var withDeputies = Assign("S006", "P0122", "田佳琪", RoadChiefLevel.Patroller, "P0125", new DateOnly(2026, 7, 1), Recorded(6, 1),
            "P0122", "P0123", "P0124", "P0123", " ");

        var errors = Roster().Validate(withDeputies);

        Assert.Equal(
            [("deputyPersonIds[0]", "DeputyIsChief"), ("deputyPersonIds[3]", "DeputyRepeated"), ("deputyPersonIds[4]", "Required")],
            errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void The_chain_climbs_from_the_street_chief_through_the_supervisors_street_to_the_area_chief()
    {
        var chain = Roster().ChainAt("S002", Local(6, 1, 10));

        Assert.Equal(
            [new ChiefLink(RoadChiefLevel.Patroller, "P0118"), new ChiefLink(RoadChiefLevel.SquadronLeader, "P0125"), new ChiefLink(RoadChiefLevel.AreaChief, "P0003")],
            chain);
    }

    [Fact]
    public void The_chain_ends_with_a_supervisor_who_is_no_longer_chief_of_a_street()
    {
        var roster = Roster();
        // From July 中山东路 goes to 田晓燕, so 钱明轩 keeps no street: his own supervisor is not known from the roster.
        roster.Reassign(Assign("S009", "P0186", "田晓燕", RoadChiefLevel.SquadronLeader, "P0004", new DateOnly(2026, 7, 1), Recorded(6, 20)));

        Assert.Equal(3, roster.ChainAt("S002", Local(6, 30, 17)).Count);
        Assert.Equal(
            [new ChiefLink(RoadChiefLevel.Patroller, "P0118"), new ChiefLink(RoadChiefLevel.SquadronLeader, "P0125")],
            roster.ChainAt("S002", Local(7, 1, 9)));
        Assert.Empty(roster.ChainAt("S002", new DateTime(2025, 12, 31, 12, 0, 0)));
    }
}
