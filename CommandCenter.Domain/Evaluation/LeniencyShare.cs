namespace CommandCenter.Domain.Evaluation;

/// <summary>首违不罚占比: how many enforcement cases on 首违免罚 / 轻违不罚 catalogue items were closed without a fine (domain.md §6.2, §7.8).</summary>
public sealed record LeniencyShare
{
    /// <summary>执法案件 on catalogue items: closes tagged enforcement whose category is on the leniency catalogue.</summary>
    public required long CatalogueEnforcementCases { get; init; }
    /// <summary>首违不罚数: of <see cref="CatalogueEnforcementCases"/>, those closed with leniency applied.</summary>
    public required long LeniencyCloses { get; init; }

    /// <summary>首违不罚占比 = leniency closes ÷ enforcement cases on catalogue items, %.</summary>
    public double? Share => Percent.Of(LeniencyCloses, CatalogueEnforcementCases);
}
