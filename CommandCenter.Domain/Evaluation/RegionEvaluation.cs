namespace CommandCenter.Domain.Evaluation;

/// <summary>区域评价: a region's rates (%, null = not applicable), density and 综合指标值 (domain.md §6.1).</summary>
public sealed record RegionEvaluation
{
    /// <summary>处置率 = handled ÷ due.</summary>
    public required double? HandlingRate { get; init; }
    /// <summary>按时处置率 = handled on time ÷ due.</summary>
    public required double? OnTimeHandlingRate { get; init; }
    /// <summary>结案率 = closed ÷ due.</summary>
    public required double? ClosingRate { get; init; }
    /// <summary>按期结案率 = closed on time ÷ due.</summary>
    public required double? OnTimeClosingRate { get; init; }
    /// <summary>返工率 = rework ÷ handled; lower is better.</summary>
    public required double? ReworkRate { get; init; }
    /// <summary>立案密度: cases filed per km² and month (not a percentage).</summary>
    public required double FilingDensity { get; init; }
    /// <summary>立案密度 band score, 0–100.</summary>
    public required double DensityBandScore { get; init; }
    /// <summary>综合指标值 with its grade; null when nothing was due or handled.</summary>
    public required Score? Composite { get; init; }

    /// <param name="counts">The unit's counts over the period.</param>
    /// <param name="settings">Weights, bands and grade thresholds.</param>
    /// <param name="months">How many months the counts cover (<see cref="EvaluationPeriod.BandMonths"/>): the bands are written for one month, so a count band reads the count per month.</param>
    public static RegionEvaluation Of(RegionCounts counts, EvaluationSettings settings, double months = 1)
    {
        var f = settings.Region;
        if (!(counts.AreaKm2 > 0) || !double.IsFinite(counts.AreaKm2))
            throw new ArgumentOutOfRangeException(nameof(counts), counts.AreaKm2, "A region's area must be a positive number of km².");
        var density = Percent.PerMonth(counts.Filed, months) / counts.AreaKm2;
        var band = f.DensityBands.ScoreOf(density);
        Percent.CheckSubset(counts.HandledOnTime, counts.Handled);
        Percent.CheckSubset(counts.ClosedOnTime, counts.Closed);
        var handling = Percent.Of(counts.Handled, counts.Due);
        var onTimeHandling = Percent.Of(counts.HandledOnTime, counts.Due);
        var closing = Percent.Of(counts.Closed, counts.Due);
        var onTimeClosing = Percent.Of(counts.ClosedOnTime, counts.Due);
        var rework = Percent.Of(counts.Rework, counts.Handled);
        return new RegionEvaluation
        {
            HandlingRate = handling,
            OnTimeHandlingRate = onTimeHandling,
            ClosingRate = closing,
            OnTimeClosingRate = onTimeClosing,
            ReworkRate = rework,
            FilingDensity = density,
            DensityBandScore = band,
            Composite = settings.GradeScale.ScoreOf(CompositeFormula.Combine(band * f.DensityBand,
                (onTimeClosing, f.OnTimeClosingRate),
                (closing, f.ClosingRate),
                (Percent.Complement(rework), f.ReworkRateComplement))),
        };
    }
}
