namespace CommandCenter.Domain.Cases;

/// <summary>Why an action was refused, in words a clerk understands, with the actions that are possible now.</summary>
public sealed record CaseRefusal(CaseRefusalKind Kind, string Message, IReadOnlyList<string> AllowedActions, IReadOnlyDictionary<string, string>? FieldErrors = null);

public enum CaseRefusalKind
{
    /// <summary>The actor's role or scope does not allow it (403).</summary>
    Forbidden,
    /// <summary>Not possible in the case's current state (409).</summary>
    NotNow,
    /// <summary>A required field is missing or wrong (400).</summary>
    InvalidInput,
}
