using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// Why an action was refused, as a message code with its values (the UI words it in the reader's language),
/// the field errors when the input was at fault, and the actions that are possible now.
/// </summary>
public sealed record CaseRefusal(CaseRefusalKind Kind, string Code, object?[] Args, IReadOnlyList<string> AllowedActions, IReadOnlyList<FieldError> FieldErrors)
{
    public static CaseRefusal Because(CaseRefusalKind kind, string code, params object?[] args) => new(kind, code, args, [], []);
}
