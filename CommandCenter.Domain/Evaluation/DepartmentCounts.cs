namespace CommandCenter.Domain.Evaluation;

/// <summary>部门 counts: one responsible department over one evaluation period (a month) (domain.md §6.1). Each "of X" count is a subset of X.</summary>
public sealed record DepartmentCounts
{
    /// <summary>立案数: filed cases dispatched to the department in the period; scored through the 立案数 band (fewer is better).</summary>
    public required long Filed { get; init; }
    /// <summary>应处置数 (= 应结案数): the department's cases whose handling fell due in the period.</summary>
    public required long Due { get; init; }
    /// <summary>结案数: of <see cref="Due"/>, those closed.</summary>
    public required long Closed { get; init; }
    /// <summary>处置数: of <see cref="Due"/>, those the department handled (处置反馈, §4.3 #18).</summary>
    public required long Handled { get; init; }
    /// <summary>按时处置数: of <see cref="Handled"/>, those first handled within the limit (the kept first on-time flag, §4.3 #21).</summary>
    public required long HandledOnTime { get; init; }
    /// <summary>返工数: of <see cref="Handled"/>, those that failed 核查 and went back at least once (§4.3 #21).</summary>
    public required long Rework { get; init; }
}
