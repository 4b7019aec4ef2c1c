using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Evaluation;

/// <summary>派遣员综合指标值: 派遣数 band×0.2 + 按时派遣率×0.4 + 准确派遣率×0.4 (domain.md §6.1).</summary>
public sealed record DispatcherFormula
{
    /// <summary>派遣数 → 0–100; until a city says otherwise these are the 受理数 bands (domain.md §9).</summary>
    public ScoreBands DispatchedBands { get; init; } = ScoreBands.IntakeDefaults;
    public double DispatchedBand { get; init; } = 0.2;
    public double OnTimeDispatchRate { get; init; } = 0.4;
    public double AccurateDispatchRate { get; init; } = 0.4;

    public IEnumerable<FieldError> Validate(string field)
    {
        (string, double)[] weights =
            [("dispatchedBand", DispatchedBand), ("onTimeDispatchRate", OnTimeDispatchRate), ("accurateDispatchRate", AccurateDispatchRate)];
        return SettingsChecks.Weights(field, weights)
            .Concat(SettingsChecks.SumToOne(field, weights))
            .Concat(DispatchedBands.Validate($"{field}.dispatchedBands"));
    }
}
