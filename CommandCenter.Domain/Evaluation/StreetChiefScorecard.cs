namespace CommandCenter.Domain.Evaluation;

/// <summary>
/// 街长记分卡: how the cases on one street chief's street fared over a period (domain.md §7.1): the counts and
/// their rates (%, null = not applicable). No composite: street chiefs are shown, not graded.
/// Each "of X" count is a subset of X.
/// </summary>
public sealed record StreetChiefScorecard
{
    /// <summary>案件数: cases filed on the street in the period.</summary>
    public required long Cases { get; init; }
    /// <summary>结案数: of <see cref="Cases"/>, those closed.</summary>
    public required long Closed { get; init; }
    /// <summary>按期结案数: of <see cref="Closed"/>, those closed by their deadline.</summary>
    public required long ClosedOnTime { get; init; }
    /// <summary>超期数: of <see cref="Cases"/>, those still open and past their deadline at the moment of reading.</summary>
    public required long OverdueNow { get; init; }
    /// <summary>重复案件数: of <see cref="Cases"/>, those repeating an earlier case (RelatedCaseId set, §4.3).</summary>
    public required long Repeats { get; init; }
    /// <summary>处置用时: handling hours (dispatch to 处置反馈, as the clock counts them) summed over the <see cref="Closed"/> cases.</summary>
    public required double HandlingHours { get; init; }

    /// <summary>结案率 = closed ÷ cases.</summary>
    public double? ClosingRate => Percent.Of(Closed, Cases);
    /// <summary>按期结案率 = closed on time ÷ cases.</summary>
    public double? OnTimeClosingRate
    {
        get
        {
            Percent.CheckSubset(ClosedOnTime, Closed);
            return Percent.Of(ClosedOnTime, Cases);
        }
    }
    /// <summary>Open cases (cases − closed).</summary>
    public long Open => Cases - Closed;
    /// <summary>超期率 = overdue now ÷ open cases.</summary>
    public double? OverdueRate => Percent.Of(OverdueNow, Open);
    /// <summary>重复率 = repeats ÷ cases.</summary>
    public double? RepeatRate => Percent.Of(Repeats, Cases);
    /// <summary>平均处置时长 in hours over the closed cases, or null when none closed.</summary>
    public double? AverageHandlingHours => Closed == 0 ? null : HandlingHours / Closed;
}
