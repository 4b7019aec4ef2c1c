using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Evaluation;

/// <summary>监督员综合指标值 weights: 有效上报率×0.4 + (100 − 漏报率)×0.2 + 按时核实率×0.2 + 按时核查率×0.2 (domain.md §6.1).</summary>
public sealed record CollectorFormula
{
    public double ValidReportRate { get; init; } = 0.4;
    /// <summary>Weight of (100 − 漏报率): domain.md's [D] choice; UNI adds the raw 漏报率, which would reward missing problems.</summary>
    public double MissedReportComplement { get; init; } = 0.2;
    public double OnTimeVerifyRate { get; init; } = 0.2;
    public double OnTimeCheckRate { get; init; } = 0.2;

    public IEnumerable<FieldError> Validate(string field)
    {
        (string, double)[] weights =
            [("validReportRate", ValidReportRate), ("missedReportComplement", MissedReportComplement),
             ("onTimeVerifyRate", OnTimeVerifyRate), ("onTimeCheckRate", OnTimeCheckRate)];
        return SettingsChecks.Weights(field, weights).Concat(SettingsChecks.SumToOne(field, weights));
    }
}
