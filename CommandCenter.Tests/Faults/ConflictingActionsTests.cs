using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Faults;

/// <summary>
/// R1: many people act on one case at the same moment. Exactly one action is applied per version of the case, every
/// other request is told 409, and the audit trail is complete and consistent: each event starts where the previous one ended.
/// Size: <c>CC_R1_ACTIONS</c> (default 100).
/// </summary>
[Collection(CityCollection.Name)]
public sealed class ConflictingActionsTests(CommandCenterFactory app, ITestOutputHelper output) : CityTest(app)
{
    [Fact]
    public async Task Concurrent_conflicting_actions_on_one_case_apply_once_per_version_and_the_rest_get_409()
    {
        var actions = Figures.Size("CC_R1_ACTIONS", 100);
        var intake = await ApiClient.SignInAsync(App, "intake");
        var shiftLead = await ApiClient.SignInAsync(App, "shiftlead");
        var leader = await ApiClient.SignInAsync(App, "leader");
        var (lon, lat) = await (await ApiClient.SignInAsync(App, "gridmember")).PointInOwnDutyGridAsync();
        var created = await intake.Http.PostAsJsonAsync("/api/cases", new { lon, lat, category = "20102", description = "并发测试: 暴露垃圾", source = "12319" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Round 1: every request at version 1, all at once — half accept the report, half ask to void it.
        var round1 = await Task.WhenAll(Enumerable.Range(0, actions / 2).Select(i => i % 2 == 0
            ? intake.ActAsync(id, "accept", new { version = 1 })
            : intake.ActAsync(id, "request-void", new { version = 1, note = "并发: 重复上报" })));
        // Round 2: 督办 by the leader and the shift leader, all at the version round 1 left.
        var version = (await leader.CaseAsync(id)).GetProperty("case").GetProperty("version").GetInt32();
        var round2 = await Task.WhenAll(Enumerable.Range(0, actions - actions / 2).Select(i =>
            (i % 2 == 0 ? leader : shiftLead).ActAsync(id, "supervise", new { version, note = "并发督办" })));

        var statuses = round1.Concat(round2).Select(r => (int)r.StatusCode).ToList();
        var ok1 = round1.Count(r => r.StatusCode == HttpStatusCode.OK);
        var ok2 = round2.Count(r => r.StatusCode == HttpStatusCode.OK);
        var conflicts = statuses.Count(s => s == 409);
        var other = statuses.Where(s => s is not (200 or 409)).ToList();

        // The audit trail: one report, then one line per applied action, each from the state the last one left.
        var trail = await TrailAsync(id);
        var broken = trail.Zip(trail.Skip(1)).Count(p => p.Second.From != p.First.To);
        var final = await leader.CaseAsync(id);
        Figures.Report(output, "R1", $"{statuses.Count} concurrent actions on one case in two rounds: {ok1 + ok2} applied ({ok1} + {ok2}, one per version), " +
            $"{conflicts} × 409, {other.Count} other; audit trail {trail.Count} events, {broken} broken links, version {final.GetProperty("case").GetProperty("version").GetInt32()}");

        Assert.Empty(other);
        Assert.Equal(1, ok1);
        Assert.Equal(1, ok2);
        Assert.Equal(statuses.Count - ok1 - ok2, conflicts);
        Assert.Equal(1 + ok1 + ok2, trail.Count);
        Assert.Null(trail[0].From);
        Assert.Equal(0, broken);
        Assert.Equal(trail[^1].To, final.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(trail.Count, final.GetProperty("case").GetProperty("version").GetInt32());
    }

    private static async Task<List<(string? From, string To)>> TrailAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT from_state, to_state FROM case_events WHERE case_id = @id ORDER BY seq", connection);
        cmd.Parameters.AddWithValue("id", id);
        var rows = new List<(string?, string)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1)));
        }
        return rows;
    }
}
