namespace CommandCenter.Domain.Evaluation;

/// <summary>受理员评价: an intake clerk's band score, rates (%, null = not applicable) and 综合指标值 (domain.md §6.1).</summary>
public sealed record IntakeEvaluation
{
    /// <summary>受理数 band score, 0–100.</summary>
    public required double AcceptedBandScore { get; init; }
    /// <summary>核实按时派发率 = verify tasks sent on time ÷ verify tasks needed.</summary>
    public required double? OnTimeVerifyDispatchRate { get; init; }
    /// <summary>核查按时派发率 = check tasks sent on time ÷ check tasks needed.</summary>
    public required double? OnTimeCheckDispatchRate { get; init; }
    /// <summary>综合指标值 with its grade; null when neither rate applies.</summary>
    public required Score? Composite { get; init; }

    /// <param name="counts">The unit's counts over the period.</param>
    /// <param name="settings">Weights, bands and grade thresholds.</param>
    /// <param name="months">How many months the counts cover (<see cref="EvaluationPeriod.BandMonths"/>): the bands are written for one month, so a count band reads the count per month.</param>
    public static IntakeEvaluation Of(IntakeCounts counts, EvaluationSettings settings, double months = 1)
    {
        var f = settings.Intake;
        var band = f.AcceptedBands.ScoreOf(Percent.PerMonth(counts.Accepted, months));
        var verify = Percent.Of(counts.VerifyDispatchedOnTime, counts.VerifyDispatches);
        var check = Percent.Of(counts.CheckDispatchedOnTime, counts.CheckDispatches);
        return new IntakeEvaluation
        {
            AcceptedBandScore = band,
            OnTimeVerifyDispatchRate = verify,
            OnTimeCheckDispatchRate = check,
            Composite = settings.GradeScale.ScoreOf(CompositeFormula.Combine(band * f.AcceptedBand,
                (verify, f.OnTimeVerifyDispatchRate),
                (check, f.OnTimeCheckDispatchRate))),
        };
    }
}
