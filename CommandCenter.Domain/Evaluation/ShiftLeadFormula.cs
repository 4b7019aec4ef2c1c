using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Evaluation;

/// <summary>值班长综合指标值 weights: 按时立案率×0.25 + 准确立案率×0.40 + 按时结案率×0.35 (domain.md §6.1).</summary>
public sealed record ShiftLeadFormula
{
    public double OnTimeFilingRate { get; init; } = 0.25;
    public double AccurateFilingRate { get; init; } = 0.40;
    public double OnTimeClosingRate { get; init; } = 0.35;

    public IEnumerable<FieldError> Validate(string field)
    {
        (string, double)[] weights =
            [("onTimeFilingRate", OnTimeFilingRate), ("accurateFilingRate", AccurateFilingRate), ("onTimeClosingRate", OnTimeClosingRate)];
        return SettingsChecks.Weights(field, weights).Concat(SettingsChecks.SumToOne(field, weights));
    }
}
