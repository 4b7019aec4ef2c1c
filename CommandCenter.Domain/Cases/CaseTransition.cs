namespace CommandCenter.Domain.Cases;

/// <summary>
/// One line of a case's append-only audit trail (domain.md §4.3): who did what, when, from which state to which,
/// the clock that runs afterwards, and the step this action finished with its deadline and whether it was on time.
/// </summary>
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
    CaseStep? Step,
    DateTimeOffset? Deadline,
    StepOutcome? Finished);

/// <summary>A step that ended: its deadline and whether it ended by then (按期).</summary>
public sealed record StepOutcome(CaseStep Step, DateTimeOffset Deadline, bool OnTime);
