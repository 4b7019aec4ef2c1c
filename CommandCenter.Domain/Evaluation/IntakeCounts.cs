namespace CommandCenter.Domain.Evaluation;

/// <summary>受理员 counts: one intake clerk over one evaluation period (a month) (domain.md §6.1). Each "of X" count is a subset of X.</summary>
public sealed record IntakeCounts
{
    /// <summary>受理数: reports the clerk accepted (受理, §4.3 #4); scored through the 受理数 band.</summary>
    public required long Accepted { get; init; }
    /// <summary>应派发核实数: accepted reports that needed a 核实 task (public sources → Verifying).</summary>
    public required long VerifyDispatches { get; init; }
    /// <summary>按时派发核实数: of <see cref="VerifyDispatches"/>, 核实 tasks sent within the limit.</summary>
    public required long VerifyDispatchedOnTime { get; init; }
    /// <summary>应派发核查数: handled cases that needed a 核查 task (发核查, §4.3 #19).</summary>
    public required long CheckDispatches { get; init; }
    /// <summary>按时派发核查数: of <see cref="CheckDispatches"/>, 核查 tasks sent within the limit.</summary>
    public required long CheckDispatchedOnTime { get; init; }
}
