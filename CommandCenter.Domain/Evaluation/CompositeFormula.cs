namespace CommandCenter.Domain.Evaluation;

/// <summary>The one place a 综合指标值 is summed, with the rule for rates that do not apply.</summary>
internal static class CompositeFormula
{
    /// <summary>
    /// <paramref name="bandPoints"/> (a count band's share, always present: a count of 0 is still a count)
    /// plus the weighted rates. A rate without a denominator (null) is "not applicable": its weight is shared
    /// among the rates that do apply, in proportion to their weights, so the rates keep their total weight.
    /// Why not count n/a as 100 (or 0, as UNI does)? 100 would put a unit with nothing due at the top of the
    /// public 红黑榜, 0 would shame it; re-sharing scores a unit on the work it actually had, which is how
    /// assessment rules usually word it ("该项无数据的, 其权重按比例分配到其他指标"). The band's weight is never
    /// re-shared: a workload count alone says nothing about quality, so when no weighted rate applies at all the
    /// composite is null — no grade, left out of the 红黑榜 — rather than a score made of the band alone.
    /// </summary>
    public static double? Combine(double bandPoints, params ReadOnlySpan<(double? Rate, double Weight)> rates)
    {
        double total = 0, present = 0, sum = 0;
        foreach (var (rate, weight) in rates)
        {
            total += weight;
            if (rate is { } r)
            {
                present += weight;
                sum += weight * r;
            }
        }
        // Same additions in the same order: total / present is exactly 1 when every rate applies.
        return present > 0 ? bandPoints + sum * (total / present) : null;
    }
}
