using CommandCenter.Domain.Cases;
using CommandCenter.Web.Features.Problems;

namespace CommandCenter.Web.Features.Cases;

/// <summary>What a case command did: the changed case and its event, or a problem with status and field messages.</summary>
public sealed record CaseCommandResult(
    Case? Case,
    CaseEventRow? Event,
    int Status,
    string? Message = null,
    IReadOnlyDictionary<string, string>? Errors = null,
    IReadOnlyList<string>? AllowedActions = null,
    IReadOnlyList<DuplicateHint>? Duplicates = null)
{
    public bool Succeeded => Case is not null && Status is >= 200 and < 300;

    public static CaseCommandResult Fail(int status, string message, IReadOnlyDictionary<string, string>? errors = null, IReadOnlyList<string>? allowed = null) =>
        new(null, null, status, message, errors, allowed);

    public static CaseCommandResult Invalid(string field, string message) =>
        Fail(StatusCodes.Status400BadRequest, message, new Dictionary<string, string> { [field] = message });

    /// <summary>The problem response for a failure.</summary>
    public IResult ToProblem() => Status switch
    {
        StatusCodes.Status400BadRequest when Errors is { Count: > 0 } => Problem.BadRequest(Errors.Select(e => (e.Key, e.Value)).ToArray()),
        StatusCodes.Status403Forbidden => Problem.Forbidden(Message ?? ""),
        StatusCodes.Status404NotFound => Problem.NotFound(Message ?? ""),
        StatusCodes.Status409Conflict => Problem.Conflict(Message ?? "", AllowedActions),
        _ => Results.Problem(detail: Message, statusCode: Status),
    };
}

/// <summary>An open case that looks like the same problem (same category, within 50 m, last 72 h).</summary>
public sealed record DuplicateHint(Guid Id, string Number, string Status, double DistanceM, DateTimeOffset ReportedAt);
