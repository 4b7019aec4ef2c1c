using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Duty;

/// <summary>The outcome of an edit of the road-director roster: refusals, or the changes made (none when nothing changed).</summary>
public sealed record RosterResult(IReadOnlyList<FieldError> Errors, IReadOnlyList<RosterChange> Changes)
{
    public bool Succeeded => Errors.Count == 0;

    public static RosterResult Refused(IReadOnlyList<FieldError> errors) => new(errors, []);

    public static RosterResult Made(IReadOnlyList<RosterChange> changes) => new([], changes);
}
