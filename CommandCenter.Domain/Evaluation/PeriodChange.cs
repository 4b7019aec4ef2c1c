namespace CommandCenter.Domain.Evaluation;

/// <summary>
/// 环比 / 同比: the change of a value against the previous period (环比: last month) or the same period a year
/// earlier (同比); which one is only which previous value the caller passes.
/// </summary>
public sealed record PeriodChange(double Current, double Previous)
{
    /// <summary>Current − previous; for rates this is in percentage points.</summary>
    public double Absolute => Current - Previous;

    /// <summary>(current − previous) ÷ |previous| × 100, or null when previous is 0 (growth from nothing has no percentage).</summary>
    public double? Relative => Previous == 0 ? null : 100 * (Current - Previous) / Math.Abs(Previous);

    /// <summary>The change, or null when either value is missing (e.g. a rate that was not applicable).</summary>
    public static PeriodChange? Of(double? current, double? previous) =>
        current is { } c && previous is { } p ? new PeriodChange(c, p) : null;
}
