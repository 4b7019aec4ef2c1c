using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Evaluation;

/// <summary>
/// 分值档: turns a count into a score by looking it up in bands (受理数 band, 部门立案数 band, density band; domain.md §6.1).
/// The first band the value reaches wins; a value reaching none scores <see cref="Otherwise"/>.
/// </summary>
public sealed record ScoreBands
{
    public required BandDirection Direction { get; init; }
    public required IReadOnlyList<ScoreBand> Bands { get; init; }
    public double Otherwise { get; init; }

    public double ScoreOf(double value)
    {
        foreach (var band in Bands)
            if (Direction == BandDirection.AtLeast ? value >= band.Bound : value <= band.Bound)
                return band.Score;
        return Otherwise;
    }

    /// <summary>The best score the table can give (the first band's, as scores may only fall along the list).</summary>
    public double Maximum => Bands.Count > 0 ? Math.Max(Bands[0].Score, Otherwise) : Otherwise;

    /// <summary>受理数 bands of UNI, ≥ 2001 → 100, ≥ 1201 → 90, ≥ 501 → 75, ≥ 301 → 60, ≥ 101 → 40, else 0; reused for 派遣数 (domain.md §9).</summary>
    public static ScoreBands IntakeDefaults { get; } = new()
    {
        Direction = BandDirection.AtLeast,
        Bands = [new(2001, 100), new(1201, 90), new(501, 75), new(301, 60), new(101, 40)],
        Otherwise = 0,
    };

    /// <summary>
    /// Checks the table: at least one band, bounds non-negative and strictly ordered in the table's direction,
    /// scores within 0–<paramref name="maxScore"/> and never rising down the list (a better count never scores less).
    /// </summary>
    public IEnumerable<FieldError> Validate(string field, double maxScore = 100)
    {
        if (Bands is null || Bands.Count == 0)
        {
            yield return new FieldError($"{field}.bands", "BandsEmpty");
            yield break;
        }
        var previous = (ScoreBand?)null;
        for (var i = 0; i < Bands.Count; i++)
        {
            var band = Bands[i];
            var at = $"{field}.bands[{i}]";
            if (!double.IsFinite(band.Bound))
                yield return new FieldError($"{at}.bound", "NotAFiniteNumber");
            else if (band.Bound < 0)
                yield return new FieldError($"{at}.bound", "BandBoundNegative");
            else if (previous is { } p && double.IsFinite(p.Bound))
            {
                if (Direction == BandDirection.AtLeast && band.Bound >= p.Bound)
                    yield return new FieldError($"{at}.bound", "BandBoundsNotDecreasing");
                if (Direction == BandDirection.AtMost && band.Bound <= p.Bound)
                    yield return new FieldError($"{at}.bound", "BandBoundsNotIncreasing");
            }
            foreach (var error in CheckScore($"{at}.score", band.Score, previous?.Score, maxScore))
                yield return error;
            previous = band;
        }
        foreach (var error in CheckScore($"{field}.otherwise", Otherwise, previous?.Score, maxScore))
            yield return error;
    }

    private static IEnumerable<FieldError> CheckScore(string field, double score, double? previous, double maxScore)
    {
        if (SettingsChecks.InRange(field, score, 0, maxScore, "BandScoreOutOfRange") is { } error)
            yield return error;
        else if (previous is { } p && double.IsFinite(p) && score > p)
            yield return new FieldError(field, "BandScoresNotDescending");
    }
}
