namespace CommandCenter.Bench;

/// <summary>
/// What one measure found: CommandCenter's figures, the anchor's figures measured in the same run, the ratio that the
/// goal is stated in (and what it divides), the goal in words and whether it was met.
/// </summary>
public sealed record MeasureResult(
    string Id,
    string Title,
    IReadOnlyDictionary<string, double> Figures,
    IReadOnlyDictionary<string, double> Anchor,
    double Ratio,
    string RatioMeaning,
    string Goal,
    bool Met,
    string? Notes = null);
