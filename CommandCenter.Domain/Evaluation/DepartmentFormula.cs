using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Evaluation;

/// <summary>
/// 部门综合指标值: 立案数 band + 结案率×0.3 + 按时处置率×0.3 + (100 − 返工率)×0.3 (domain.md §6.1, UNI).
/// Not a pure weighted sum: the band gives 0–10 points that are added, not weighted. It is kept exactly as
/// domain.md writes it; its maximum is 10 + 3 × 30 = 100, which <see cref="Validate"/> insists on.
/// </summary>
public sealed record DepartmentFormula
{
    /// <summary>立案数 → points: ≤ 50 → 10, ≤ 100 → 9, ≤ 200 → 7.5, ≤ 500 → 6, ≤ 1000 → 4, else 0 (fewer cases, more points).</summary>
    public ScoreBands FiledBands { get; init; } = new()
    {
        Direction = BandDirection.AtMost,
        Bands = [new(50, 10), new(100, 9), new(200, 7.5), new(500, 6), new(1000, 4)],
        Otherwise = 0,
    };
    public double ClosingRate { get; init; } = 0.3;
    public double OnTimeHandlingRate { get; init; } = 0.3;
    public double ReworkRateComplement { get; init; } = 0.3;

    /// <summary>Weights within 0–1, a valid band table, and best band points + 100 × the weights = 100.</summary>
    public IEnumerable<FieldError> Validate(string field)
    {
        (string, double)[] weights =
            [("closingRate", ClosingRate), ("onTimeHandlingRate", OnTimeHandlingRate), ("reworkRateComplement", ReworkRateComplement)];
        var errors = SettingsChecks.Weights(field, weights).Concat(FiledBands.Validate($"{field}.filedBands")).ToList();
        if (errors.Count == 0)
        {
            var maximum = FiledBands.Maximum + 100 * weights.Sum(w => w.Item2);
            if (Math.Abs(maximum / 100 - 1) > SettingsChecks.SumTolerance)
                errors.Add(new FieldError(field, "ScoreMaximumNotHundred", maximum));
        }
        return errors;
    }
}
