using CommandCenter.Domain.Validation;

namespace CommandCenter.Web.Problems;

/// <summary>Short-hands for the refusals endpoints answer with, worded in the reader's language by <see cref="ProblemResult"/>.</summary>
public static class Problem
{
    /// <summary>400 with field-level messages.</summary>
    public static IResult BadRequest(params FieldError[] errors) => Refusal.BadRequest(errors).ToResult();

    public static IResult BadRequest(string field, string code, params object?[] args) => Refusal.Field(field, code, args).ToResult();

    public static IResult Unauthorized(string code) => new Refusal(StatusCodes.Status401Unauthorized, code, [], []).ToResult();

    public static IResult Forbidden(string code, params object?[] args) => Refusal.Forbidden(code, args).ToResult();

    public static IResult NotFound(string code, params object?[] args) => Refusal.NotFound(code, args).ToResult();

    public static IResult Conflict(string code, params object?[] args) => Refusal.Conflict(code, args).ToResult();
}
