namespace CommandCenter.Domain.Analytics;

/// <summary>趋势粒度: the buckets a trend counts in — local days, Monday-to-Sunday weeks or calendar months.</summary>
public enum TrendInterval
{
    Day,
    Week,
    Month,
}
