using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Evaluation;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CommandCenter.Bench;

/// <summary>
/// E1 monthly evaluation on the generated year: for every full month of the year, what the app does for
/// <c>GET /api/evaluation/departments?month=</c> and <c>GET /api/evaluation/subdistricts?month=</c> (every department and
/// 街道 with counts, rates, composite and grade, as JSON, signed in as <c>leader</c>), one after the other; one sample is
/// the pair. Anchor: the bare SQL of the same two aggregations (<see cref="EvaluationCountQueries"/> in this process on
/// the same database, no formulas, names, HTTP or JSON). Goal: p95 ≤ 300 ms for a month.
/// </summary>
public sealed class EvaluationBench : IMeasure
{
    public const double GoalMs = 300;

    public string Id => "E1";

    public string Title => "monthly evaluation of every department and 街道 over the generated year";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken ct)
    {
        var (app, year) = await context.YearAppAsync(ct);
        var months = year.FullMonths;
        if (months.Count == 0)
        {
            throw new InvalidOperationException($"no full month in {year.Describe()}");
        }
        var options = context.Options;
        var token = await BenchContext.TokenAsync(app.BaseUri, "leader", ct);
        using var http = BenchContext.Client(app.BaseUri, token, 1);
        var timings = new Timings();
        int departments = 0, subdistricts = 0;
        long filed = 0;
        for (var pass = 0; pass < options.Warmups + options.Runs; pass++)
        {
            var record = pass >= options.Warmups;
            foreach (var month in months)
            {
                var m = month.First.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                JsonElement d = default, s = default;
                var a = await timings.TimeAsync("departments", record, async () => d = await GetAsync(http, $"api/evaluation/departments?month={m}", ct));
                var b = await timings.TimeAsync("subdistricts", record, async () => s = await GetAsync(http, $"api/evaluation/subdistricts?month={m}", ct));
                timings.Add("month", record, a + b);
                departments = d.GetProperty("rows").GetArrayLength();
                subdistricts = s.GetProperty("rows").GetArrayLength();
                if (pass == 0)
                {
                    filed += s.GetProperty("rows").EnumerateArray().Sum(r => (long)r.GetProperty("filed").GetDouble());
                }
            }
        }

        // The anchor: the same two GROUP BY queries, straight from this process.
        var services = new ServiceCollection();
        services.AddLogging(x => x.SetMinimumLevel(LogLevel.Warning));
        await using var source = new NpgsqlDataSourceBuilder(year.ConnectionString).UseNetTopologySuite().Build();
        services.AddDbContext<CommandCenterDb>(o => o.UseNpgsql(source, x => x.UseNetTopologySuite()));
        services.AddScoped<EvaluationCountQueries>();
        await using var provider = services.BuildServiceProvider();
        var bare = new Timings();
        for (var pass = 0; pass < options.Warmups + options.Runs; pass++)
        {
            var record = pass >= options.Warmups;
            foreach (var month in months)
            {
                var (from, to) = (YearHistory.Instant(month.First), YearHistory.Instant(month.End));
                var now = DateTimeOffset.UtcNow;
                await using var scope = provider.CreateAsyncScope();
                var counts = scope.ServiceProvider.GetRequiredService<EvaluationCountQueries>();
                var a = await bare.TimeAsync("departments", record, () => counts.DepartmentsAsync(from, to, now, ReadScope.City, ct));
                var b = await bare.TimeAsync("subdistricts", record, () => counts.RegionsAsync(EvaluationCountQueries.RegionLevel.Subdistrict, from, to, now, ReadScope.City, ct));
                bare.Add("month", record, a + b);
            }
        }

        var p95 = timings.P95("month");
        var figures = new Dictionary<string, double>(timings.Figures("month"));
        foreach (var (k, v) in timings.Figures("departments", "departments ").Take(2).Concat(timings.Figures("subdistricts", "街道 ").Take(2)))
        {
            figures[k] = v;
        }
        figures["months"] = months.Count;
        figures["samples"] = timings["month"].Count;
        figures["departments"] = departments;
        figures["街道"] = subdistricts;
        figures["filed cases in the months"] = filed;
        var anchor = new Dictionary<string, double>(bare.Figures("month"));
        return
        [
            new MeasureResult(Id, Title, figures, anchor, p95 / bare.P95("month"), "p95 / bare SQL p95", "p95 ≤ 300 ms a month", p95 <= GoalMs,
                BenchContext.Invariant($"{year.Describe()}; months {months[0].First:yyyy-MM} – {months[^1].First:yyyy-MM}, {options.Runs} runs after {options.Warmups} warm-up, one client, leader")),
        ];
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
