namespace CommandCenter.Domain.Evaluation;

/// <summary>部门评价: a department's band points, rates (%, null = not applicable) and 综合指标值 (domain.md §6.1).</summary>
public sealed record DepartmentEvaluation
{
    /// <summary>立案数 band points, 0–10, added as they are (see <see cref="DepartmentFormula"/>).</summary>
    public required double FiledBandPoints { get; init; }
    /// <summary>结案率 = closed ÷ due.</summary>
    public required double? ClosingRate { get; init; }
    /// <summary>按时处置率 = handled on time ÷ due (UNI: 按时处置数 ÷ 应处置数, so unhandled cases count against it).</summary>
    public required double? OnTimeHandlingRate { get; init; }
    /// <summary>返工率 = rework ÷ handled; lower is better.</summary>
    public required double? ReworkRate { get; init; }
    /// <summary>综合指标值 with its grade; null when nothing was due or handled.</summary>
    public required Score? Composite { get; init; }

    /// <param name="counts">The unit's counts over the period.</param>
    /// <param name="settings">Weights, bands and grade thresholds.</param>
    /// <param name="months">How many months the counts cover (<see cref="EvaluationPeriod.BandMonths"/>): the bands are written for one month, so a count band reads the count per month.</param>
    public static DepartmentEvaluation Of(DepartmentCounts counts, EvaluationSettings settings, double months = 1)
    {
        var f = settings.Department;
        var points = f.FiledBands.ScoreOf(Percent.PerMonth(counts.Filed, months));
        var closing = Percent.Of(counts.Closed, counts.Due);
        // 按时处置率 divides by Due, so check that the on-time cases are among the handled ones.
        Percent.CheckSubset(counts.HandledOnTime, counts.Handled);
        Percent.CheckSubset(counts.Handled, counts.Due);
        var onTime = Percent.Of(counts.HandledOnTime, counts.Due);
        var rework = Percent.Of(counts.Rework, counts.Handled);
        return new DepartmentEvaluation
        {
            FiledBandPoints = points,
            ClosingRate = closing,
            OnTimeHandlingRate = onTime,
            ReworkRate = rework,
            // domain.md adds the band points (≤ 10) to three rates weighted 0.3; kept exactly as written.
            Composite = settings.GradeScale.ScoreOf(CompositeFormula.Combine(points,
                (closing, f.ClosingRate),
                (onTime, f.OnTimeHandlingRate),
                (Percent.Complement(rework), f.ReworkRateComplement))),
        };
    }
}
