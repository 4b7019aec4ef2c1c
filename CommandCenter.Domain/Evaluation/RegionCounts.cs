namespace CommandCenter.Domain.Evaluation;

/// <summary>区域 counts: one region (district, street, community or grid) over one evaluation period (a month) (domain.md §6.1). Each "of X" count is a subset of X.</summary>
public sealed record RegionCounts
{
    /// <summary>立案数: cases filed in the region in the period; with <see cref="AreaKm2"/> gives the 立案密度 band (fewer is better).</summary>
    public required long Filed { get; init; }
    /// <summary>应处置数 (= 应结案数): the region's cases whose handling fell due in the period.</summary>
    public required long Due { get; init; }
    /// <summary>处置数: of <see cref="Due"/>, those handled (处置反馈).</summary>
    public required long Handled { get; init; }
    /// <summary>按时处置数: of <see cref="Handled"/>, those first handled within the limit.</summary>
    public required long HandledOnTime { get; init; }
    /// <summary>结案数: of <see cref="Due"/>, those closed.</summary>
    public required long Closed { get; init; }
    /// <summary>按期结案数: of <see cref="Closed"/>, those closed by their deadline.</summary>
    public required long ClosedOnTime { get; init; }
    /// <summary>返工数: of <see cref="Handled"/>, those that failed 核查 and went back at least once.</summary>
    public required long Rework { get; init; }
    /// <summary>面积: the region's area in km² (&gt; 0), for 立案密度 = filed ÷ km².</summary>
    public required double AreaKm2 { get; init; }
}
