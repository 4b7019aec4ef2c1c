namespace CommandCenter.Domain.Cases;

/// <summary>One line of a case's append-only audit trail: who did what, when, from which state to which.</summary>
public sealed record CaseTransition(
    CaseAction Action,
    CaseState From,
    CaseState To,
    string Actor,
    Role Role,
    DateTimeOffset At,
    string? Note,
    IReadOnlyList<Guid> PhotoIds,
    string? Department,
    DateTimeOffset? Deadline,
    bool? OnTime);
