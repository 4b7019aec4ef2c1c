namespace CommandCenter.Domain.Evaluation;

/// <summary>派遣员 counts: one dispatcher over one evaluation period (a month) (domain.md §6.1). Each "of X" count is a subset of X.</summary>
public sealed record DispatcherCounts
{
    /// <summary>派遣数: dispatches the dispatcher made (派遣 and 改派, §4.3 #9, #11); scored through the 派遣数 band.</summary>
    public required long Dispatched { get; init; }
    /// <summary>应派遣数: filed cases the dispatcher had to dispatch.</summary>
    public required long Due { get; init; }
    /// <summary>按时派遣数: of <see cref="Due"/>, those dispatched within the 派遣 limit.</summary>
    public required long DispatchedOnTime { get; init; }
    /// <summary>返工数 of 准确派遣率: of <see cref="Due"/>, those sent to the wrong unit (returned as misrouted and re-dispatched, §4.3 #11).</summary>
    public required long Misrouted { get; init; }
}
