using CommandCenter.Domain.Clocks;
using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// 案件: one problem in the city and where it stands. Only <see cref="CaseWorkflow"/> changes its state;
/// every change bumps <see cref="Version"/>, which guards against concurrent edits.
/// </summary>
public sealed class Case
{
    public Guid Id { get; init; }
    /// <summary>案件编号, e.g. 202611260007; given when the case is registered.</summary>
    public required string Number { get; set; }
    public CaseState State { get; set; }
    /// <summary>Category code; the shift leader may correct it when filing (立案).</summary>
    public required string CategoryCode { get; set; }
    public CaseSource Source { get; init; }
    public required string Description { get; init; }
    public string? Address { get; init; }
    public string? Reporter { get; init; }
    public required Point Location { get; init; }
    public required string GridCode { get; init; }
    public required string DutyGridCode { get; init; }
    public required string CommunityCode { get; init; }
    public required string SubdistrictCode { get; init; }
    public string? StreetName { get; init; }
    public string? StreetChief { get; init; }
    /// <summary>The one responsible department (责任主体唯一); suggested from the category, fixed at dispatch.</summary>
    public string? DepartmentCode { get; set; }
    public DateTimeOffset ReportedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The step whose clock runs now, or null when none does.</summary>
    public CaseStep? ClockStep { get; set; }
    public DateTimeOffset? StepStartedAt { get; set; }
    public DateTimeOffset? StepDeadline { get; set; }
    public double? StepLimitValue { get; set; }
    public LimitUnit? StepLimitUnit { get; set; }
    /// <summary>Set while shelved (挂账): the clock stands still.</summary>
    public DateTimeOffset? ClockPausedAt { get; set; }

    /// <summary>Whether the first handling was on time; kept through rework (domain.md §4.3 #21).</summary>
    public bool? HandlingOnTime { get; set; }
    public int DispatchCount { get; set; }
    public int ReturnCount { get; set; }
    public int ReworkCount { get; set; }
    public int ExtensionCount { get; set; }
    /// <summary>督办 level: how many times it was supervised.</summary>
    public int SupervisionLevel { get; set; }
    /// <summary>催办 sent on this case, by the clock or a person.</summary>
    public int ReminderCount { get; set; }
    /// <summary>How many of the running step's automatic reminder thresholds have fired (reset when a new step starts).</summary>
    public int StepRemindersSent { get; set; }
    /// <summary>When the running step's next automatic 催办/督办 falls due (null: none will).</summary>
    public DateTimeOffset? NextReminderAt { get; set; }
    /// <summary>Why a desk asked to void the case (申请作废), until the shift leader decides.</summary>
    public string? PendingVoid { get; set; }
    /// <summary>Extra handling time asked for and not yet decided (申请延期).</summary>
    public double? PendingExtension { get; set; }
    public Guid? MasterCaseId { get; set; }
    public string? RejectionReason { get; set; }
    /// <summary>721 tag set on closing or on approving an on-the-spot fix.</summary>
    public Resolution721? Resolution { get; set; }
    /// <summary>The street the case lies on (within 30 m) and the chief in charge of it when it was reported (街巷长制).</summary>
    public string? StreetId { get; set; }
    public string? StreetChiefPersonId { get; set; }
    /// <summary>The road director's patrol it was found on, if any (马路局长).</summary>
    public Guid? PatrolId { get; set; }
    /// <summary>A recurrence of an earlier, closed case (domain.md §4.3: a closed case is never reopened).</summary>
    public Guid? RelatedCaseId { get; set; }
    /// <summary>Vending cases: the zone the place lies in and the verdict at the hour (permitted, banned, outside).</summary>
    public string? ZoneId { get; set; }
    public string? ZoneVerdict { get; set; }
    /// <summary>首违免罚: warning (first offence), penalty (repeat) or not-applicable, for vending and frontage cases.</summary>
    public string? LeniencyOutcome { get; set; }
    /// <summary>Priority raised at intake (vending in a banned zone or by a school gate): lists and the map flag it as urgent.</summary>
    public bool Urgent { get; set; }
    /// <summary>回访 answer of the reporter once closed: satisfied, basic (基本满意) or dissatisfied.</summary>
    public string? Satisfaction { get; set; }
    public DateTimeOffset? SatisfactionAt { get; set; }
    public int Version { get; set; }

    public TimeLimit? StepLimit => StepLimitValue is { } v && StepLimitUnit is { } u ? new TimeLimit(v, u) : null;

    /// <summary>The current step's clock, or null when no clock runs (draft or finished cases).</summary>
    public ClockReading? ReadClock(SlaClock clock, DateTimeOffset now) =>
        StepLimit is { } limit && StepStartedAt is { } start && StepDeadline is { } deadline
            ? clock.Read(start, limit, deadline, now, ClockPausedAt)
            : null;
}
