namespace CommandCenter.Domain.Cases;

/// <summary>What the actor sends with an action: a note, photos, and the fields some actions need.</summary>
public sealed record CaseActionInput
{
    public string? Note { get; init; }
    public IReadOnlyList<Guid> PhotoIds { get; init; } = [];
    /// <summary>Department code, for dispatch and approve-return.</summary>
    public string? Department { get; init; }
    /// <summary>Rejection reason slug (<see cref="RejectionReason"/>), for reject.</summary>
    public string? Reason { get; init; }
    /// <summary>The original case a duplicate is merged into.</summary>
    public Guid? MasterCaseId { get; init; }
    /// <summary>Extra time asked for, in the unit of the case's handling limit.</summary>
    public double? Extension { get; init; }
    /// <summary>721 tag on closing and on approving an on-the-spot fix.</summary>
    public Resolution721? Resolution { get; init; }
    /// <summary>A corrected category, when the shift leader files (立案) under another category.</summary>
    public string? Category { get; init; }
    /// <summary>Which automatic reminder of the running step this is (index into the reminder thresholds), for the clock's actions.</summary>
    public int? ReminderIndex { get; init; }
    /// <summary>The share of the limit used at that threshold (0.5, 0.8, 1, 2 …), recorded with the reminder.</summary>
    public double? ReminderShare { get; init; }

    public static CaseActionInput None { get; } = new();
}
