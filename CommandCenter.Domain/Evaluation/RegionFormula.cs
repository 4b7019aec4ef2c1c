using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Evaluation;

/// <summary>
/// 区域综合指标值: 按期结案率×0.4 + 结案率×0.3 + (100 − 返工率)×0.2 + 立案密度 band×0.1 (domain.md §6.1 [D];
/// UNI only ranks grids by 处置率 ↓, 按时处置率 ↓, 返工率 ↑, and region weights are an open question, §9).
/// </summary>
public sealed record RegionFormula
{
    /// <summary>
    /// 立案密度 (filed per km² in a month) → 0–100, fewer is better. [D] sample values: domain.md gives none;
    /// these spread a dense city centre (a few hundred a km² a month) from 100 down to 0.
    /// </summary>
    public ScoreBands DensityBands { get; init; } = new()
    {
        Direction = BandDirection.AtMost,
        Bands = [new(20, 100), new(50, 90), new(100, 75), new(200, 60), new(400, 40)],
        Otherwise = 0,
    };
    public double OnTimeClosingRate { get; init; } = 0.4;
    public double ClosingRate { get; init; } = 0.3;
    public double ReworkRateComplement { get; init; } = 0.2;
    public double DensityBand { get; init; } = 0.1;

    public IEnumerable<FieldError> Validate(string field)
    {
        (string, double)[] weights =
            [("onTimeClosingRate", OnTimeClosingRate), ("closingRate", ClosingRate),
             ("reworkRateComplement", ReworkRateComplement), ("densityBand", DensityBand)];
        return SettingsChecks.Weights(field, weights)
            .Concat(SettingsChecks.SumToOne(field, weights))
            .Concat(DensityBands.Validate($"{field}.densityBands"));
    }
}
