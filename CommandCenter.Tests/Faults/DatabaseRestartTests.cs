using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Faults;

/// <summary>
/// R3: PostgreSQL restarts under load (its own throwaway cluster, not the shared one). The app answers again within
/// 10 s without restarting itself; requests in the gap get 503 problem details with Retry-After, never 500; a wall's
/// live feed misses no event. Size: <c>CC_R3_CLIENTS</c> writers (default 3), <c>CC_R3_DOWN_SECONDS</c> (default 3).
/// </summary>
[Collection(CityCollection.Name)]
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private sealed record Answer(TimeSpan At, int Status, bool RetryAfter, bool Problem, bool Write);

    [Fact]
    public async Task After_a_database_restart_under_load_the_app_answers_within_10_s_with_503s_meanwhile_and_no_missed_event()
    {
        var writers = Figures.Size("CC_R3_CLIENTS", 3);
        var downFor = TimeSpan.FromSeconds(Figures.Size("CC_R3_DOWN_SECONDS", 3));
        await using var pg = await ThrowawayPostgres.StartAsync("commandcenter_r3");
        await using var server = new AppProcess(new Dictionary<string, string> { ["ConnectionStrings__CommandCenter"] = pg.ConnectionString("commandcenter_r3") })
        {
            StartTimeout = TimeSpan.FromMinutes(4),
        };
        await server.StartAsync();

        var leader = await ApiClient.SignInAsync(server.Address, "leader");
        var wall = new ConcurrentQueue<JsonElement>();
        await using var hub = leader.Hub(server.Address, wall);
        await hub.StartJoinedAsync();
        var start = (await leader.Http.GetFromJsonAsync<JsonElement>("/api/events/latest")).GetProperty("seq").GetInt64();
        var (lon, lat) = await PointAsync(leader);
        var clerks = new List<ApiClient>();
        for (var i = 0; i < writers; i++)
        {
            clerks.Add(await ApiClient.SignInAsync(server.Address, "intake"));
        }

        var answers = new ConcurrentQueue<Answer>();
        var errors = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        async Task LoopAsync(Func<Task<HttpResponseMessage>> call, bool write)
        {
            while (!stop.IsCancellationRequested)
            {
                var at = clock.Elapsed;
                try
                {
                    using var response = await call();
                    answers.Enqueue(new Answer(at, (int)response.StatusCode, response.Headers.RetryAfter is not null,
                        response.Content.Headers.ContentType?.MediaType == "application/problem+json", write));
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    errors.Enqueue(ex.Message);
                }
                await Task.Delay(50);
            }
        }
        // Each writer half a metre from the last, so even eight stay well inside the first grid.
        var load = Task.WhenAll(clerks.Select((c, i) => LoopAsync(() => c.Http.PostAsJsonAsync("/api/cases",
                new { lon, lat = lat + 0.000005 * i, category = "20102", description = "数据库重启测试", source = "12319" }), write: true))
            .Append(LoopAsync(() => leader.Http.GetAsync("/api/cases?pageSize=20"), write: false)));

        await Task.Delay(3000);
        var stoppedAt = clock.Elapsed;
        await pg.StopAsync();
        await Task.Delay(downFor);
        await pg.StartAgainAsync();
        var upAt = clock.Elapsed;
        var recovered = await Eventually.HoldsAsync(() => Task.FromResult(answers.Where(a => a.At > upAt && a.Write && a.Status == 201).Select(a => (TimeSpan?)a.At).Min()),
            t => t is not null, "a report accepted after the database came back", seconds: 30);
        await Task.Delay(3000);
        await stop.CancelAsync();
        await load;

        var gap = answers.Where(a => a.At >= stoppedAt && a.At <= recovered!.Value).ToList();
        var fiveHundreds = answers.Count(a => a.Status >= 500 && a.Status != 503);
        var unavailable = answers.Where(a => a.Status == 503).ToList();
        var after = answers.Where(a => a.At > recovered!.Value + TimeSpan.FromSeconds(1)).ToList();

        // The wall's feed: every event in the log after it started was pushed to it (and a catch-up would find none missing).
        var created = answers.Count(a => a.Status == 201);
        var events = await Eventually.HoldsAsync(async () => await leader.Http.GetFromJsonAsync<JsonElement[]>($"/api/events?after={start}&limit=5000"),
            e => e!.Length >= created, "every accepted report in the event log");
        var expected = events!.Select(e => e.GetProperty("seq").GetInt64()).ToHashSet();
        await Eventually.HoldsAsync(() => Task.FromResult(wall.Select(m => m.GetProperty("seq").GetInt64()).ToHashSet()), s => expected.IsSubsetOf(s),
            "the wall's feed having every event", seconds: 20);
        var missed = expected.Count(s => !wall.Any(m => m.GetProperty("seq").GetInt64() == s));

        var recovery = recovered!.Value - upAt;
        Figures.Report(output, "R3", $"PostgreSQL stopped {downFor.TotalSeconds:0} s under load ({writers} writers + 1 reader, {answers.Count} requests): first report accepted " +
            $"{recovery.TotalSeconds:0.0} s after it was back, no app restart; {gap.Count} requests in the gap → {unavailable.Count} × 503 " +
            $"({unavailable.Count(a => a.RetryAfter && a.Problem)} with Retry-After and problem details), {fiveHundreds} × other 5xx, {errors.Count} cut off; " +
            $"{created} reports accepted, the wall's feed missed {missed} of {expected.Count} events");

        Assert.Empty(errors);
        Assert.True(fiveHundreds == 0, $"{fiveHundreds} × 5xx other than 503 (statuses {string.Join(", ", answers.Where(a => a.Status >= 500 && a.Status != 503).Select(a => a.Status).Distinct())}); "
            + "the server's failures: " + string.Join(" | ", server.Output.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Distinct().Take(6)));
        Assert.NotEmpty(unavailable);
        Assert.All(unavailable, a => Assert.True(a.RetryAfter && a.Problem, "a 503 without Retry-After or problem details"));
        Assert.True(recovery <= TimeSpan.FromSeconds(10), $"took {recovery.TotalSeconds:0.0} s to answer again");
        Assert.All(after, a => Assert.True(a.Status is 200 or 201, $"{a.Status} after recovery"));
        Assert.Equal(0, missed);
    }

    private static async Task<(double Lon, double Lat)> PointAsync(ApiClient client)
    {
        var grids = await client.Http.GetFromJsonAsync<JsonElement>("/api/grids");
        var ring = grids.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0];
        ring = ring[0].ValueKind == JsonValueKind.Array && ring[0][0].ValueKind == JsonValueKind.Array ? ring[0] : ring;
        // The centroid of the first grid's outline: well inside a small, convex-enough unit grid.
        var points = ring.EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
        return (points.Average(p => p.Item1), points.Average(p => p.Item2));
    }
}
