namespace CommandCenter.Domain.Evaluation;

/// <summary>值班长评价: a shift leader's rates (%, null = not applicable) and 综合指标值 (domain.md §6.1).</summary>
public sealed record ShiftLeadEvaluation
{
    /// <summary>按时立案率 = filed on time ÷ filed.</summary>
    public required double? OnTimeFilingRate { get; init; }
    /// <summary>准确立案率 = (filed − voided after filing) ÷ filed.</summary>
    public required double? AccurateFilingRate { get; init; }
    /// <summary>按时结案率 = closed on time ÷ closed.</summary>
    public required double? OnTimeClosingRate { get; init; }
    /// <summary>综合指标值 with its grade; null when no weighted rate applies.</summary>
    public required Score? Composite { get; init; }

    public static ShiftLeadEvaluation Of(ShiftLeadCounts counts, EvaluationSettings settings)
    {
        var w = settings.ShiftLead;
        var onTimeFiling = Percent.Of(counts.FiledOnTime, counts.Filed);
        var accurate = Percent.Of(counts.Filed - Percent.NotNegative(counts.VoidedAfterFiling), counts.Filed);
        var onTimeClosing = Percent.Of(counts.ClosedOnTime, counts.Closed);
        return new ShiftLeadEvaluation
        {
            OnTimeFilingRate = onTimeFiling,
            AccurateFilingRate = accurate,
            OnTimeClosingRate = onTimeClosing,
            Composite = settings.GradeScale.ScoreOf(CompositeFormula.Combine(0,
                (onTimeFiling, w.OnTimeFilingRate),
                (accurate, w.AccurateFilingRate),
                (onTimeClosing, w.OnTimeClosingRate))),
        };
    }
}
