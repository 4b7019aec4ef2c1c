using CommandCenter.Domain.Clocks;

namespace CommandCenter.Domain.Enforcement;

/// <summary>首违免罚 / 轻违不罚 清单 item: the offences it covers, under which conditions, and how long the party has to correct.</summary>
/// <param name="Code">Stable item code (LN01 ...).</param>
/// <param name="Name">Name as on the published list.</param>
/// <param name="LegalBasis">The law or article that allows leniency.</param>
/// <param name="Kind">First offence or minor offence.</param>
/// <param name="CategoryCodes">Case categories (five-digit 事件 codes) the item covers; a repeat is counted across all of them.</param>
/// <param name="Conditions">Conditions an officer confirms on site (area, duration, corrected ...), as published.</param>
/// <param name="LookBackDays">For <see cref="LeniencyKind.First"/>: a prior offence less than this many days ago makes it a repeat.</param>
/// <param name="CorrectionLimit">Time given to correct, from the offence (natural hours or working days).</param>
public sealed record LeniencyItem(
    string Code,
    string Name,
    string LegalBasis,
    LeniencyKind Kind,
    IReadOnlyList<string> CategoryCodes,
    string Conditions,
    int LookBackDays,
    TimeLimit CorrectionLimit)
{
    public bool Covers(string categoryCode) => CategoryCodes.Contains(categoryCode.Trim(), StringComparer.Ordinal);
}
