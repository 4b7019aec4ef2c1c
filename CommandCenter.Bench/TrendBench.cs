using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace CommandCenter.Bench;

/// <summary>
/// E2 the year's trend page: what <c>/analytics</c> loads for the last 365 days of the generated year —
/// <c>GET /api/analytics/trends?by=category&amp;interval=week</c> (57 weekly buckets per category with 环比 and 同比, the
/// year before read for 同比) and <c>GET /api/analytics/hotspots</c> (reports per unit grid and the repeat problems: same
/// category within 50 m at least 3 times in 30 days), signed in as <c>leader</c>, one after the other; one sample is the
/// pair. Anchor: the bare SQL of the same reads over the same database (the trend's GROUP BY, and the one SELECT of the
/// period's reports that the heat and the repeat candidates are taken from, every row read) without the counting and
/// grouping into places, HTTP or JSON. Goal: p95 ≤ 1 s.
/// </summary>
public sealed class TrendBench : IMeasure
{
    public const double GoalMs = 1000;

    public string Id => "E2";

    public string Title => "the year's trend page (weekly trends, grid heat, repeat problems over 365 days)";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken ct)
    {
        var (app, year) = await context.YearAppAsync(ct);
        var options = context.Options;
        var period = year.LastYear;
        var (from, to) = (period.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), period.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var token = await BenchContext.TokenAsync(app.BaseUri, "leader", ct);
        using var http = BenchContext.Client(app.BaseUri, token, 1);
        var timings = new Timings();
        int buckets = 0, grids = 0, repeats = 0;
        var runs = options.Quick ? 5 : 10; // one sample per page load: more than --runs, so p95 is not just the maximum
        for (var pass = 0; pass < options.Warmups + runs; pass++)
        {
            var record = pass >= options.Warmups;
            JsonElement trend = default, hotspots = default;
            var a = await timings.TimeAsync("trends", record, async () => trend = await GetAsync(http, $"api/analytics/trends?by=category&interval=week&from={from}&to={to}", ct));
            var b = await timings.TimeAsync("hotspots", record, async () => hotspots = await GetAsync(http, $"api/analytics/hotspots?from={from}&to={to}", ct));
            timings.Add("page", record, a + b);
            buckets = trend.GetProperty("buckets").GetArrayLength();
            grids = hotspots.GetProperty("grids").EnumerateObject().Count();
            repeats = hotspots.GetProperty("repeats").GetArrayLength();
        }

        var bare = new Timings();
        await using var source = NpgsqlDataSource.Create(year.ConnectionString);
        var fromInstant = YearHistory.Instant(period.First);
        var toInstant = YearHistory.Instant(period.End);
        // The trend reads from the Monday of the first week a year back (for 同比) to the end of the last week.
        var firstWeek = period.First.AddDays(-(((int)period.First.DayOfWeek + 6) % 7));
        var trendFrom = YearHistory.Instant(firstWeek.AddYears(-1));
        var trendTo = YearHistory.Instant(period.Last.AddDays(7 - (((int)period.Last.DayOfWeek + 6) % 7)));
        for (var pass = 0; pass < options.Warmups + runs; pass++)
        {
            var record = pass >= options.Warmups;
            var a = await bare.TimeAsync("trends", record, () => ReadAllAsync(source, """
                SELECT c.category_code, date_trunc('week', c.reported_at AT TIME ZONE 'Asia/Shanghai')::date, count(*)
                FROM cases c WHERE c.reported_at >= @from AND c.reported_at < @to GROUP BY 1, 2
                """, trendFrom, trendTo, ct));
            var b = await bare.TimeAsync("hotspots", record, () => ReadAllAsync(source, """
                SELECT c.id, c.number, c.category_code, ST_X(c.location), ST_Y(c.location), c.reported_at, c.grid_code, c.state = 'merged' FROM cases c
                WHERE c.reported_at >= @from - interval '30 days' AND c.reported_at < @to
                """, fromInstant, toInstant, ct));
            bare.Add("page", record, a + b);
        }

        var p95 = timings.P95("page");
        var figures = new Dictionary<string, double>(timings.Figures("page"));
        foreach (var (k, v) in timings.Figures("trends", "trends ").Take(2).Concat(timings.Figures("hotspots", "hotspots ").Take(2)))
        {
            figures[k] = v;
        }
        figures["samples"] = timings["page"].Count;
        figures["weeks"] = buckets;
        figures["grids"] = grids;
        figures["repeat places"] = repeats;
        var anchor = new Dictionary<string, double>(bare.Figures("page"));
        return
        [
            new MeasureResult(Id, Title, figures, anchor, p95 / bare.P95("page"), "p95 / bare SQL p95", "p95 ≤ 1 s", p95 <= GoalMs,
                BenchContext.Invariant($"{year.Describe()}; {period.First:yyyy-MM-dd} – {period.Last:yyyy-MM-dd}, {runs} runs after {options.Warmups} warm-up, one client, leader")),
        ];
    }

    private static async Task ReadAllAsync(NpgsqlDataSource source, string sql, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var cmd = source.CreateCommand(sql);
        cmd.Parameters.AddWithValue("from", from);
        cmd.Parameters.AddWithValue("to", to);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(ct))
        {
            reader.GetValues(values);
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
