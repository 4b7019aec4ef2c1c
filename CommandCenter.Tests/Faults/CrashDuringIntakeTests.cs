using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Faults;

/// <summary>
/// R2: the app is killed (SIGKILL) in the middle of a burst of intakes from several clients, and started again; every
/// case that was answered 201 exists afterwards with its audit line — an answer is only given after the commit.
/// Size: <c>CC_R2_INTAKES</c> (default 200; ./bench.sh runs 1,000), from <c>CC_R2_CLIENTS</c> clients (default 4).
/// </summary>
[Collection(CityCollection.Name)]
public sealed class CrashDuringIntakeTests(CommandCenterFactory app, ITestOutputHelper output) : CityTest(app)
{
    [Fact]
    public async Task Every_case_answered_201_before_a_kill_9_exists_after_the_restart_with_its_audit_line()
    {
        var intakes = Figures.Size("CC_R2_INTAKES", 200);
        var clients = Figures.Size("CC_R2_CLIENTS", 4);
        App.StartServer(); // migrates and seeds the shared database
        await using var server = new AppProcess();
        await server.StartAsync();
        var (lon, lat) = await (await ApiClient.SignInAsync(App, "gridmember")).PointInOwnDutyGridAsync();
        var callers = new List<ApiClient>();
        for (var i = 0; i < clients; i++)
        {
            callers.Add(await ApiClient.SignInAsync(server.Address, i % 2 == 0 ? "intake" : "shiftlead"));
        }

        var answered = new ConcurrentDictionary<Guid, string>();
        var failed = 0;
        var attempts = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        async Task CallAsync(ApiClient caller, int share)
        {
            var done = 0;
            while (done < share && !stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref attempts);
                try
                {
                    using var response = await caller.Http.PostAsJsonAsync("/api/cases",
                        new { lon, lat, category = "20102", description = $"崩溃测试 {caller.User} {done}", source = "12319" }, stop.Token);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token);
                        answered[body.GetProperty("id").GetGuid()] = body.GetProperty("number").GetString()!;
                        done++;
                        continue;
                    }
                    Interlocked.Increment(ref failed);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !stop.IsCancellationRequested)
                {
                    // The server is down (killed, restarting): this intake's outcome is unknown to the caller; it tries the next.
                    Interlocked.Increment(ref failed);
                }
                await Task.Delay(100, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        var load = Task.WhenAll(callers.Select(c => CallAsync(c, intakes / clients)));

        await Eventually.HoldsAsync(() => Task.FromResult(answered.Count), n => n >= intakes / 2, "half the intakes answered", seconds: 120);
        var beforeKill = answered.Count;
        await server.KillAsync();
        var killedAt = clock.Elapsed;
        await server.StartAsync();
        var upAgain = clock.Elapsed - killedAt;
        await load;

        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT c.id, c.number, count(e.seq) FILTER (WHERE e.action = 'report' AND e.to_state = 'reported') FROM cases c LEFT JOIN case_events e ON e.case_id = c.id WHERE c.id = ANY(@ids) GROUP BY c.id, c.number",
            connection);
        cmd.Parameters.AddWithValue("ids", answered.Keys.ToArray());
        var found = new Dictionary<Guid, (string Number, long Reports)>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                found[reader.GetGuid(0)] = (reader.GetString(1), reader.GetInt64(2));
            }
        }
        var missing = answered.Keys.Count(k => !found.ContainsKey(k));
        var withoutAudit = found.Values.Count(f => f.Reports != 1);
        var wrongNumber = answered.Count(a => found.TryGetValue(a.Key, out var f) && f.Number != a.Value);
        Figures.Report(output, "R2", $"kill -9 during {answered.Count} intakes from {clients} clients ({beforeKill} answered before the kill, {failed} refused or cut off " +
            $"while down, restart {upAgain.TotalSeconds:0.0} s): {missing} answered cases missing, {withoutAudit} without their audit line, {wrongNumber} with another number");

        Assert.Equal(intakes / clients * clients, answered.Count);
        Assert.Equal(0, missing);
        Assert.Equal(0, withoutAudit);
        Assert.Equal(0, wrongNumber);
        Assert.Equal(answered.Count, answered.Values.Distinct().Count());
    }
}
