using CommandCenter.Domain.Analytics;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Evaluation;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Features.Evaluation;
using Npgsql;

namespace CommandCenter.Web.Features.Analytics;

/// <summary>One series of a trend: a category, source or department and its count per bucket, with 环比 and 同比 of each bucket.</summary>
public sealed record TrendSeries(string Key, string Name, IReadOnlyList<long> Counts, IReadOnlyList<double?> PeriodOnPeriod, IReadOnlyList<double?> YearOnYear)
{
    public long Total => Counts.Sum();
}

/// <summary>A trend: its buckets (first days), the series (largest first) and the total per bucket with its changes.</summary>
public sealed record Trend(string By, TrendInterval Interval, IReadOnlyList<DateOnly> Buckets, IReadOnlyList<TrendSeries> Series, TrendSeries Total);

/// <summary>网格热力 (reports per unit grid) and the 重复问题 places of a period.</summary>
public sealed record Hotspots(IReadOnlyDictionary<string, long> Heat, IReadOnlyList<RepeatProblem> Repeats);

/// <summary>研判: trends by category, source and department, grid heat and repeat problems, all aggregated in PostgreSQL.</summary>
public sealed class AnalyticsQueries(EvaluationCountQueries queries, CityClock clock)
{
    public const int MaxSeries = 12;
    public static readonly IReadOnlyList<string> Dimensions = ["category", "source", "department"];

    /// <summary>
    /// Reports per bucket by category or source (cases.reported_at), dispatches per bucket by department (case_assignments);
    /// the year before is read too, for 同比. The largest <see cref="MaxSeries"/> series are kept, the rest summed as "other".
    /// </summary>
    public async Task<Trend> TrendAsync(string by, TrendInterval interval, EvaluationPeriod period, ReadScope scope, Func<string, string> nameOf, CancellationToken ct = default)
    {
        var buckets = TrendBuckets.Covering(period, interval);
        var first = buckets[0].First;
        var yearBefore = first.AddYears(-1);
        var from = clock.ToInstant(yearBefore.ToDateTime(TimeOnly.MinValue));
        var to = clock.ToInstant(buckets[^1].End.ToDateTime(TimeOnly.MinValue));
        var unit = interval switch { TrendInterval.Day => "day", TrendInterval.Week => "week", _ => "month" };
        var (visible, _) = ReadScopeQueries.CasesSql(scope, "c");
        var sql = by switch
        {
            "department" => $"""
                SELECT a.department, date_trunc('{unit}', a.dispatched_at AT TIME ZONE @zone)::date, count(*)
                FROM case_assignments a JOIN cases c ON c.id = a.case_id
                WHERE a.dispatched_at >= @from AND a.dispatched_at < @to AND {visible} GROUP BY 1, 2
                """,
            "source" => $"""
                SELECT c.source, date_trunc('{unit}', c.reported_at AT TIME ZONE @zone)::date, count(*)
                FROM cases c WHERE c.reported_at >= @from AND c.reported_at < @to AND {visible} GROUP BY 1, 2
                """,
            _ => $"""
                SELECT c.category_code, date_trunc('{unit}', c.reported_at AT TIME ZONE @zone)::date, count(*)
                FROM cases c WHERE c.reported_at >= @from AND c.reported_at < @to AND {visible} GROUP BY 1, 2
                """,
        };
        var counts = new Dictionary<(string Key, DateOnly Bucket), long>();
        await queries.ReadAsync(sql, from, to, to, scope,
            r => counts[(r.GetString(0), DateOnly.FromDateTime(r.GetDateTime(1)))] = r.GetInt64(2), ct, new NpgsqlParameter("zone", clock.Zone.Id));

        var keys = counts.Where(x => x.Key.Bucket >= first).GroupBy(x => x.Key.Key).Select(g => (g.Key, Total: g.Sum(x => x.Value)))
            .OrderByDescending(x => x.Total).ThenBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key).ToList();
        var kept = keys.Take(MaxSeries).ToList();
        var others = keys.Skip(MaxSeries).ToHashSet();
        long CountOf(IEnumerable<string> members, DateOnly bucket) => members.Sum(m => counts.GetValueOrDefault((m, bucket)));
        TrendSeries Series(string key, string name, IReadOnlyCollection<string> members)
        {
            var values = buckets.Select(b => CountOf(members, b.First)).ToList();
            var previous = buckets.Select(b => (double)CountOf(members, TrendBuckets.Before(b, interval).First)).ToList();
            var lastYear = buckets.Select(b => (double)CountOf(members, TrendBuckets.YearBefore(b, interval).First)).ToList();
            return new TrendSeries(key, name, values,
                values.Select((v, i) => PeriodChange.Of(v, previous[i])?.Relative).ToList(),
                values.Select((v, i) => TrendBuckets.YearBefore(buckets[i], interval).First >= yearBefore ? PeriodChange.Of(v, lastYear[i])?.Relative : null).ToList());
        }
        var series = kept.Select(k => Series(k, nameOf(k), [k])).ToList();
        if (others.Count > 0)
        {
            series.Add(Series("other", nameOf("other"), others));
        }
        var total = Series("total", nameOf("total"), keys);
        return new Trend(by, interval, buckets.Select(b => b.First).ToList(), series, total);
    }

    /// <summary>
    /// 网格热力 and 重复问题 of a period, optionally of one category (prefix, e.g. 205 for 街面秩序), from one read of
    /// the reports: the heat is the reports per unit grid in the period; the repeat problems group the period's reports
    /// (with the rule's window before it, merged ones left out) by the domain's rule into places — same category, within
    /// 50 m, at least 3 times in 30 days — strongest first. One scan instead of a GROUP BY and a second scan of the same
    /// rows (E2: the year's page read 140,000 cases twice).
    /// </summary>
    public async Task<Hotspots> HotspotsAsync(EvaluationPeriod period, string? category, ReadScope scope, RepeatProblemRule rule, CancellationToken ct = default)
    {
        var (from, to) = Instants(period);
        var (visible, _) = ReadScopeQueries.CasesSql(scope, "c");
        var heat = new Dictionary<string, long>(StringComparer.Ordinal);
        var reports = new List<RepeatCandidate>();
        await queries.ReadAsync($"""
            SELECT c.id, c.number, c.category_code, ST_X(c.location), ST_Y(c.location), c.reported_at, c.grid_code, c.state = 'merged' FROM cases c
            WHERE c.reported_at >= @from - @window AND c.reported_at < @to AND (@category = '' OR c.category_code LIKE @category || '%') AND {visible}
            """, from, to, to, scope,
            r =>
            {
                var at = r.GetFieldValue<DateTimeOffset>(5);
                if (at >= from)
                {
                    var grid = r.GetString(6);
                    heat[grid] = heat.GetValueOrDefault(grid) + 1;
                }
                if (!r.GetBoolean(7))
                {
                    reports.Add(new RepeatCandidate(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetDouble(3), r.GetDouble(4), at));
                }
            },
            ct, new NpgsqlParameter("category", category ?? ""), new NpgsqlParameter("window", rule.Window));
        return new Hotspots(heat, RepeatProblems.Group(RepeatProblems.Sightings(reports, rule, from), rule));
    }

    private (DateTimeOffset From, DateTimeOffset To) Instants(EvaluationPeriod period) =>
        (clock.ToInstant(period.First.ToDateTime(TimeOnly.MinValue)), clock.ToInstant(period.End.ToDateTime(TimeOnly.MinValue)));
}
