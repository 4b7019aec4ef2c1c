namespace CommandCenter.Web.Features.Enforcement;

/// <summary>What intake found for a case: the zone rules at that hour, the 首违免罚 decision, the bike fence it snapped to.</summary>
public sealed record CaseIntake(ZoneCheckView? ZoneCheck, LeniencyView? Leniency, BikeFenceView? BikeFence);

/// <summary>
/// <c>zoneCheck</c> of a vending case: the zone the verdict rests on, whether it is open now, the verdict (permitted, banned,
/// outside) and how the case is routed (management inside an open zone, else enforcement).
/// </summary>
public sealed record ZoneCheckView(
    string? ZoneId, string? ZoneName, string? Type, bool OpenNow, string Verdict, string? SchoolName, double? SchoolDistanceM, string Routing);

/// <summary>
/// <c>leniency</c>: whether this is the party's first offence under the list item (null when no item or no offence applies) and
/// the decision: warning (with a correction deadline), penalty (a repeat, <see cref="RepeatOf"/>), not-applicable, or no-party.
/// </summary>
public sealed record LeniencyView(
    bool? FirstOffence, string Decision, string? Party, string? Item, string? ItemName, DateTimeOffset? CorrectionDeadline, OffenceView? RepeatOf);

/// <summary>The bike fence a 0506 case snapped to: its capacity and the bikes parked there now (fill = parked / capacity).</summary>
public sealed record BikeFenceView(string ZoneId, string Name, string? Operator, int Capacity, int? Parked, double DistanceM, double? Fill);

/// <summary>One offence in a party's history.</summary>
public sealed record OffenceView(Guid CaseId, string? CaseNumber, string CategoryCode, DateTimeOffset At, string Outcome, string? Item, DateTimeOffset? CorrectionDeadline);

/// <summary>A case's intake findings and its party's whole offence history, newest first (the case page shows both).</summary>
public sealed record CaseIntakeDetail(Guid CaseId, string? Party, CaseIntake Intake, IReadOnlyList<OffenceView> History);
