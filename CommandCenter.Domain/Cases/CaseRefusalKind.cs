namespace CommandCenter.Domain.Cases;

/// <summary>Why the workflow refused an action, mapped to 403, 409 or 400.</summary>
public enum CaseRefusalKind
{
    /// <summary>The actor's role or scope does not allow it (403).</summary>
    Forbidden,
    /// <summary>Not possible in the case's current state (409).</summary>
    NotNow,
    /// <summary>A required field is missing or wrong (400).</summary>
    InvalidInput,
}
