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

    public static IntakeEvaluation Of(IntakeCounts counts, EvaluationSettings settings)
    {
        var f = settings.Intake;
        var band = f.AcceptedBands.ScoreOf(Percent.NotNegative(counts.Accepted));
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
