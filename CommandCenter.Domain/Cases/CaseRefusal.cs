namespace CommandCenter.Domain.Cases;

/// <summary>Why an action was refused, in words a clerk understands, with the actions that are possible now.</summary>
public sealed record CaseRefusal(CaseRefusalKind Kind, string Message, IReadOnlyList<string> AllowedActions, IReadOnlyDictionary<string, string>? FieldErrors = null);
