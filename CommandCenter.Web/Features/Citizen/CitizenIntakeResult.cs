using CommandCenter.Domain.Cases;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Problems;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>The case a citizen report became and the reporter's token, or why it was refused.</summary>
public sealed record CitizenIntakeResult(Case? Case, string? Token, Refusal? Refused, IReadOnlyList<DuplicateHint>? Duplicates = null)
{
    public bool Succeeded => Refused is null;

    public static CitizenIntakeResult Fail(Refusal refusal) => new(null, null, refusal);
}
