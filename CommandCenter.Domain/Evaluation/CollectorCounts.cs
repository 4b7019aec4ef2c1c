namespace CommandCenter.Domain.Evaluation;

/// <summary>
/// 监督员 / 网格员 counts: one collector or grid member over one evaluation period (a month, 月考评) (domain.md §6.1).
/// Each "of X" count is a subset of X.
/// </summary>
public sealed record CollectorCounts
{
    /// <summary>上报数: cases the person reported (上报, §4.3 #3) in the period.</summary>
    public required long Reported { get; init; }
    /// <summary>有效上报数: of <see cref="Reported"/>, those the centre filed (立案), even if voided later.</summary>
    public required long ValidReports { get; init; }
    /// <summary>立案数: cases filed in the person's duty grid in the period, whoever reported them.</summary>
    public required long Filed { get; init; }
    /// <summary>漏报数: of <see cref="Filed"/>, those reported by someone else (public, hotline, video, inspection…): problems the person missed.</summary>
    public required long Missed { get; init; }
    /// <summary>应核实数: 核实 tasks sent to the person (§4.3 #5).</summary>
    public required long VerifyTasks { get; init; }
    /// <summary>按时核实数: of <see cref="VerifyTasks"/>, those answered within the 核实 limit.</summary>
    public required long VerifiedOnTime { get; init; }
    /// <summary>应核查数: 核查 tasks sent to the person (§4.3 #20–21).</summary>
    public required long CheckTasks { get; init; }
    /// <summary>按时核查数: of <see cref="CheckTasks"/>, those answered within the 核查 limit.</summary>
    public required long CheckedOnTime { get; init; }
}
