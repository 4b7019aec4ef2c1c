namespace CommandCenter.Domain.Evaluation;

/// <summary>巡查漏斗: problems found on patrol and how many were fixed on the spot (domain.md §4.4, §8; 荆门 128,391 → 50,051).</summary>
public sealed record PatrolFunnel
{
    /// <summary>巡查发现: problems found on patrol in the period.</summary>
    public required long Found { get; init; }
    /// <summary>现场处置数: of <see cref="Found"/>, those fixed on the spot (现场处置, §4.3 #23–24, approved).</summary>
    public required long FixedOnTheSpot { get; init; }

    /// <summary>现场处置率 = fixed on the spot ÷ found, %.</summary>
    public double? OnTheSpotRate => Percent.Of(FixedOnTheSpot, Found);
}
