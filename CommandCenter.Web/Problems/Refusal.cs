using CommandCenter.Domain.Validation;

namespace CommandCenter.Web.Problems;

/// <summary>
/// Why a request was refused, before it is worded: the HTTP status, a message code with its values, the refused
/// fields and — for case actions — what is possible now. <see cref="ProblemResult"/> words it in the reader's language.
/// </summary>
public sealed record Refusal(int Status, string Code, object?[] Args, IReadOnlyList<FieldError> Fields, IReadOnlyList<string>? AllowedActions = null)
{
    public static Refusal BadRequest(params FieldError[] fields) => new(StatusCodes.Status400BadRequest, "InvalidInput", [], fields);

    public static Refusal Field(string field, string code, params object?[] args) => BadRequest(new FieldError(field, code, args));

    public static Refusal NotFound(string code, params object?[] args) => new(StatusCodes.Status404NotFound, code, args, []);

    public static Refusal Forbidden(string code, params object?[] args) => new(StatusCodes.Status403Forbidden, code, args, []);

    public static Refusal Conflict(string code, params object?[] args) => new(StatusCodes.Status409Conflict, code, args, []);

    public IResult ToResult() => new ProblemResult(this);
}
