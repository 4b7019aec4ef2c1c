namespace CommandCenter.Bench;

/// <summary>Percentiles by the nearest-rank rule (p99 of 1,000 samples is the 990th smallest).</summary>
public static class Percentile
{
    public static double Of(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
