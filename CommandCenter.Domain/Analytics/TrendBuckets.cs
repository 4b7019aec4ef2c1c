using CommandCenter.Domain.Evaluation;

namespace CommandCenter.Domain.Analytics;

/// <summary>The buckets of a trend: which bucket a local day falls in, and the buckets covering a period.</summary>
public static class TrendBuckets
{
    public static string Slug(this TrendInterval interval) => interval.ToString().ToLowerInvariant();

    public static bool TryParse(string? slug, out TrendInterval interval)
    {
        foreach (var i in Enum.GetValues<TrendInterval>())
        {
            if (i.Slug() == slug)
            {
                interval = i;
                return true;
            }
        }
        interval = default;
        return false;
    }

    /// <summary>The bucket (as a period) holding <paramref name="day"/>.</summary>
    public static EvaluationPeriod Of(DateOnly day, TrendInterval interval) => interval switch
    {
        TrendInterval.Day => EvaluationPeriod.Day(day),
        TrendInterval.Week => EvaluationPeriod.Week(day),
        _ => EvaluationPeriod.Month(day),
    };

    /// <summary>环比: the bucket just before (the previous day, Monday-to-Sunday week or calendar month).</summary>
    public static EvaluationPeriod Before(EvaluationPeriod bucket, TrendInterval interval) => Of(bucket.First.AddDays(-1), interval);

    /// <summary>
    /// 同比: the bucket a year earlier — the same day (29 February falls back to the 28th) or calendar month; for a week,
    /// the week holding the date a year before its Thursday, i.e. 52 weeks back (the week holding a year before its Monday
    /// would be 53 weeks back and share only one day with the dates a year earlier).
    /// </summary>
    public static EvaluationPeriod YearBefore(EvaluationPeriod bucket, TrendInterval interval) => interval == TrendInterval.Week
        ? Of(bucket.First.AddDays(3).AddYears(-1), interval)
        : Of(bucket.First.AddYears(-1), interval);

    /// <summary>Every bucket that overlaps the period, oldest first (the first and last may stick out of it).</summary>
    public static IReadOnlyList<EvaluationPeriod> Covering(EvaluationPeriod period, TrendInterval interval)
    {
        var buckets = new List<EvaluationPeriod>();
        for (var bucket = Of(period.First, interval); bucket.First <= period.Last; bucket = Of(bucket.End, interval))
            buckets.Add(bucket);
        return buckets;
    }
}
