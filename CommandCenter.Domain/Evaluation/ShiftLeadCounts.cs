namespace CommandCenter.Domain.Evaluation;

/// <summary>值班长 counts: one shift leader over one evaluation period (a month) (domain.md §6.1). Each "of X" count is a subset of X.</summary>
public sealed record ShiftLeadCounts
{
    /// <summary>立案数: cases the shift leader filed (立案, §4.3 #8).</summary>
    public required long Filed { get; init; }
    /// <summary>按时立案数: of <see cref="Filed"/>, those filed within the 立案 limit.</summary>
    public required long FiledOnTime { get; init; }
    /// <summary>作废数: of <see cref="Filed"/>, those voided after filing (§4.3 #25).</summary>
    public required long VoidedAfterFiling { get; init; }
    /// <summary>结案数: close tasks (结案, §4.3 #22) the shift leader completed.</summary>
    public required long Closed { get; init; }
    /// <summary>按时结案数: of <see cref="Closed"/>, those closed within the 结案 limit.</summary>
    public required long ClosedOnTime { get; init; }
}
