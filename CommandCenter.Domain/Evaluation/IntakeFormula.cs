using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Evaluation;

/// <summary>受理员综合指标值: 受理数 band×0.25 + 核实按时派发率×0.40 + 核查按时派发率×0.35 (domain.md §6.1).</summary>
public sealed record IntakeFormula
{
    /// <summary>受理数 → 0–100.</summary>
    public ScoreBands AcceptedBands { get; init; } = ScoreBands.IntakeDefaults;
    public double AcceptedBand { get; init; } = 0.25;
    public double OnTimeVerifyDispatchRate { get; init; } = 0.40;
    public double OnTimeCheckDispatchRate { get; init; } = 0.35;

    public IEnumerable<FieldError> Validate(string field)
    {
        (string, double)[] weights =
            [("acceptedBand", AcceptedBand), ("onTimeVerifyDispatchRate", OnTimeVerifyDispatchRate),
             ("onTimeCheckDispatchRate", OnTimeCheckDispatchRate)];
        return SettingsChecks.Weights(field, weights)
            .Concat(SettingsChecks.SumToOne(field, weights))
            .Concat(AcceptedBands.Validate($"{field}.acceptedBands"));
    }
}
