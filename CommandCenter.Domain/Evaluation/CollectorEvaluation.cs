namespace CommandCenter.Domain.Evaluation;

/// <summary>监督员评价: a collector's or grid member's rates (%, null = not applicable) and 综合指标值 (domain.md §6.1).</summary>
public sealed record CollectorEvaluation
{
    /// <summary>有效上报率 = valid ÷ reported.</summary>
    public required double? ValidReportRate { get; init; }
    /// <summary>漏报率 = missed ÷ filed in the duty grid; lower is better.</summary>
    public required double? MissedReportRate { get; init; }
    /// <summary>按时核实率 = verified on time ÷ verify tasks.</summary>
    public required double? OnTimeVerifyRate { get; init; }
    /// <summary>按时核查率 = checked on time ÷ check tasks.</summary>
    public required double? OnTimeCheckRate { get; init; }
    /// <summary>综合指标值 with its grade; null when no weighted rate applies.</summary>
    public required Score? Composite { get; init; }

    public static CollectorEvaluation Of(CollectorCounts counts, EvaluationSettings settings)
    {
        var w = settings.Collector;
        var valid = Percent.Of(counts.ValidReports, counts.Reported);
        var missed = Percent.Of(counts.Missed, counts.Filed);
        var verify = Percent.Of(counts.VerifiedOnTime, counts.VerifyTasks);
        var check = Percent.Of(counts.CheckedOnTime, counts.CheckTasks);
        return new CollectorEvaluation
        {
            ValidReportRate = valid,
            MissedReportRate = missed,
            OnTimeVerifyRate = verify,
            OnTimeCheckRate = check,
            Composite = settings.GradeScale.ScoreOf(CompositeFormula.Combine(0,
                (valid, w.ValidReportRate),
                (Percent.Complement(missed), w.MissedReportComplement),
                (verify, w.OnTimeVerifyRate),
                (check, w.OnTimeCheckRate))),
        };
    }
}
