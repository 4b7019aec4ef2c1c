using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Problems;

namespace CommandCenter.Web.Features.Cases;

/// <summary>What a case command did: the changed case and its audit line, or why it was refused.</summary>
public sealed record CaseCommandResult(Case? Case, CaseEventRow? Event, Refusal? Refused, IReadOnlyList<DuplicateHint>? Duplicates = null)
{
    public bool Succeeded => Refused is null;

    /// <summary>What intake found for a new case: zone check, leniency, bike fence (null when no check applies).</summary>
    public Enforcement.CaseIntake? Intake { get; init; }

    public static CaseCommandResult Fail(Refusal refusal) => new(null, null, refusal);

    public IResult ToProblem() => Refused!.ToResult();
}

/// <summary>An open case that looks like the same problem (same category, within 50 m, within the duplicate window).</summary>
public sealed record DuplicateHint(Guid Id, string Number, string Status, double DistanceM, DateTimeOffset ReportedAt);
