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
    /// <summary>721 tag on closing: service, management or enforcement.</summary>
    public string? Resolution { get; init; }

    public static CaseActionInput None { get; } = new();
}
