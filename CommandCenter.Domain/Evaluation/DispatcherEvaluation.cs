namespace CommandCenter.Domain.Evaluation;

/// <summary>派遣员评价: a dispatcher's band score, rates (%, null = not applicable) and 综合指标值 (domain.md §6.1).</summary>
public sealed record DispatcherEvaluation
{
    /// <summary>派遣数 band score, 0–100.</summary>
    public required double DispatchedBandScore { get; init; }
    /// <summary>按时派遣率 = dispatched on time ÷ due (UNI: 按时派遣数 ÷ 应派遣数).</summary>
    public required double? OnTimeDispatchRate { get; init; }
    /// <summary>准确派遣率 = (due − misrouted) ÷ due.</summary>
    public required double? AccurateDispatchRate { get; init; }
    /// <summary>综合指标值 with its grade; null when nothing was due.</summary>
    public required Score? Composite { get; init; }

    /// <param name="counts">The unit's counts over the period.</param>
    /// <param name="settings">Weights, bands and grade thresholds.</param>
    /// <param name="months">How many months the counts cover (<see cref="EvaluationPeriod.BandMonths"/>): the bands are written for one month, so a count band reads the count per month.</param>
    public static DispatcherEvaluation Of(DispatcherCounts counts, EvaluationSettings settings, double months = 1)
    {
        var f = settings.Dispatcher;
        var band = f.DispatchedBands.ScoreOf(Percent.PerMonth(counts.Dispatched, months));
        var onTime = Percent.Of(counts.DispatchedOnTime, counts.Due);
        var accurate = Percent.Of(counts.Due - Percent.NotNegative(counts.Misrouted), counts.Due);
        return new DispatcherEvaluation
        {
            DispatchedBandScore = band,
            OnTimeDispatchRate = onTime,
            AccurateDispatchRate = accurate,
            Composite = settings.GradeScale.ScoreOf(CompositeFormula.Combine(band * f.DispatchedBand,
                (onTime, f.OnTimeDispatchRate),
                (accurate, f.AccurateDispatchRate))),
        };
    }
}
