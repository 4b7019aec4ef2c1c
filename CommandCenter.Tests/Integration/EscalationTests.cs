using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// 逐级督办 on the fake clock: an overdue case on a street alerts its chief, then each further span the chief one level
/// up; an alert nobody acknowledges goes up too; a 督办 alerts the department and the chief; fixed, the alerts clear.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class EscalationTests(CommandCenterFactory app) : CityTest(app)
{
    public override async Task DisposeAsync()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        await admin.Http.PutAsJsonAsync("/api/admin/escalation", new
        {
            overdueSpan = new { value = 4, unit = "workingHours" }, acknowledgeTimeout = new { value = 0.5, unit = "naturalHours" },
        });
        await base.DisposeAsync();
    }

    [Fact]
    public async Task An_overdue_case_alerts_its_chief_at_once_and_the_chiefs_above_after_each_further_span_until_it_is_fixed()
    {
        await SpansAsync(overdueHours: 1, acknowledgeHours: 10);
        var (streetId, chain) = await ChainOfThreeAsync();
        var (caseId, deadline) = await DispatchedOnStreetAsync(streetId, "逐级督办测试: 水管破裂");
        var chief = await ApiClient.SignInAsync(App, $"streetchief-{streetId}");
        var raised = new ConcurrentQueue<JsonElement>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.ServerAddress, "/hubs/ops"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(chief.Token)).Build();
        hub.On<JsonElement>("alertRaised", m => raised.Enqueue(m));
        await hub.StartJoinedAsync();

        App.Time.SetUtcNow(deadline.AddSeconds(-1));
        await Task.Delay(500);
        Assert.Empty(await AlertsOfAsync(chief, caseId));

        App.Time.SetUtcNow(deadline.AddSeconds(1));
        var first = (await Eventually.HoldsAsync(() => AlertsOfAsync(chief, caseId), l => l.Count > 0, "the chief's overdue alert")).Single();
        Assert.Equal("overdue", first.GetProperty("kind").GetString());
        Assert.Equal(1, first.GetProperty("level").GetInt32());
        Assert.Equal(streetId, first.GetProperty("streetId").GetString());
        await Eventually.HoldsAsync(() => Task.FromResult(raised.Any(m => m.GetProperty("caseId").GetString() == caseId.ToString())), x => x, "alertRaised on the chief's hub");
        Assert.Equal(HttpStatusCode.NoContent, (await chief.Http.PostAsync($"/api/alerts/{first.GetProperty("id").GetGuid()}/ack", null)).StatusCode);

        // One span later the squadron leader (L2), two spans later the area chief (L1); nobody before their time.
        var squadron = await ApiClient.SignInAsync(App, chain[1]);
        var area = await ApiClient.SignInAsync(App, chain[2]);
        Assert.Empty(await AlertsOfAsync(squadron, caseId));
        App.Time.SetUtcNow(deadline.AddHours(1).AddSeconds(1));
        squadron = await ApiClient.SignInAsync(App, chain[1]);
        var second = (await Eventually.HoldsAsync(() => AlertsOfAsync(squadron, caseId), l => l.Count > 0, "the L2 alert")).Single();
        Assert.Equal("escalation", second.GetProperty("kind").GetString());
        Assert.Equal(2, second.GetProperty("level").GetInt32());
        area = await ApiClient.SignInAsync(App, chain[2]);
        Assert.Empty(await AlertsOfAsync(area, caseId));
        App.Time.SetUtcNow(deadline.AddHours(2).AddSeconds(1));
        area = await ApiClient.SignInAsync(App, chain[2]);
        var third = (await Eventually.HoldsAsync(() => AlertsOfAsync(area, caseId), l => l.Count > 0, "the L1 alert")).Single();
        Assert.Equal(3, third.GetProperty("level").GetInt32());

        // Fixed: the alerts clear for everyone, and the leaders' list keeps them.
        var handler = await ApiClient.SignInAsync(App, "handler-water");
        await handler.ActOkAsync(caseId, "handle", new { photoIds = new[] { await handler.UploadPhotoAsync() } });
        squadron = await ApiClient.SignInAsync(App, chain[1]);
        await Eventually.HoldsAsync(() => AlertsOfAsync(squadron, caseId), l => l.Count == 0, "the L2 alert cleared");
        var all = await (await ApiClient.SignInAsync(App, "leader")).Http.GetFromJsonAsync<JsonElement>("/api/alerts");
        var ofCase = all.EnumerateArray().Where(a => a.GetProperty("caseId").GetString() == caseId.ToString() && a.GetProperty("kind").GetString() != "supervision").ToList();
        Assert.Equal(3, ofCase.Count);
        Assert.All(ofCase, a => Assert.NotEqual(JsonValueKind.Null, a.GetProperty("clearedAt").ValueKind));
    }

    [Fact]
    public async Task An_alert_nobody_acknowledges_in_time_goes_one_level_up()
    {
        await SpansAsync(overdueHours: 10, acknowledgeHours: 0.5);
        var (streetId, chain) = await ChainOfThreeAsync();
        var (caseId, deadline) = await DispatchedOnStreetAsync(streetId, "无人确认测试: 水管破裂");
        App.Time.SetUtcNow(deadline.AddSeconds(1));
        var chief = await ApiClient.SignInAsync(App, $"streetchief-{streetId}");
        var first = (await Eventually.HoldsAsync(() => AlertsOfAsync(chief, caseId), l => l.Count > 0, "the chief's alert")).Single();

        App.Time.Advance(TimeSpan.FromMinutes(29));
        await Task.Delay(500);
        var squadron = await ApiClient.SignInAsync(App, chain[1]);
        Assert.Empty(await AlertsOfAsync(squadron, caseId));
        App.Time.Advance(TimeSpan.FromMinutes(2));
        squadron = await ApiClient.SignInAsync(App, chain[1]);
        var up = (await Eventually.HoldsAsync(() => AlertsOfAsync(squadron, caseId), l => l.Count > 0, "the unacknowledged alert one level up")).Single();
        Assert.Equal("AlertUnacknowledged", up.GetProperty("messageCode").GetString());
        Assert.Equal(2, up.GetProperty("level").GetInt32());
        // The chief's own alert still stands for them to acknowledge.
        Assert.Contains(await AlertsOfAsync(chief, caseId), a => a.GetProperty("id").GetGuid() == first.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_supervision_by_a_leader_alerts_the_responsible_department_and_the_streets_chief()
    {
        var (streetId, _) = await ChainOfThreeAsync();
        var (caseId, _) = await DispatchedOnStreetAsync(streetId, "督办测试: 水管破裂");
        var leader = await ApiClient.SignInAsync(App, "leader");
        await leader.ActOkAsync(caseId, "supervise", new { note = "请尽快处置" });

        var handler = await ApiClient.SignInAsync(App, "handler-water");
        var toDepartment = (await Eventually.HoldsAsync(() => AlertsOfAsync(handler, caseId), l => l.Count > 0, "the department's 督办 alert")).Single();
        Assert.Equal("supervision", toDepartment.GetProperty("kind").GetString());
        Assert.Equal("dept:water", toDepartment.GetProperty("recipient").GetString());
        var chief = await ApiClient.SignInAsync(App, $"streetchief-{streetId}");
        var toChief = (await Eventually.HoldsAsync(() => AlertsOfAsync(chief, caseId), l => l.Count > 0, "the chief's 督办 alert")).Single();
        Assert.Equal("supervision", toChief.GetProperty("kind").GetString());
        // Nobody else's bell: another department's handlers hear nothing of it.
        Assert.Empty(await AlertsOfAsync(await ApiClient.SignInAsync(App, "handler"), caseId));
        // The mark shows on the case for every reader.
        Assert.Equal(1, (await chief.CaseAsync(caseId)).GetProperty("case").GetProperty("supervision").GetInt32());
    }

    [Fact]
    public async Task Alerts_follow_who_holds_the_post_now_and_leave_people_who_signed_out()
    {
        await SpansAsync(overdueHours: 10, acknowledgeHours: 10);
        var (streetId, chain) = await ChainOfThreeAsync();
        var (caseId, deadline) = await DispatchedOnStreetAsync(streetId, "在岗接收测试: 水管破裂");
        var leader = await ApiClient.SignInAsync(App, "leader");
        var squadron = await ApiClient.SignInAsync(App, chain[1]);
        var squadronPerson = (await squadron.Http.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("personId").GetString();
        var original = (await leader.Http.GetFromJsonAsync<JsonElement>($"/api/streets/{streetId}")).GetProperty("chief").GetProperty("personId").GetString()!;
        // A new chief for the street from today: the chief of a street of another chain, signed in on their phone.
        var otherStreet = streetId == "S008" ? "S001" : "S008";
        var successor = await ApiClient.SignInAsync(App, $"streetchief-{otherStreet}");
        var successorPerson = (await successor.Http.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("personId").GetString()!;
        try
        {
            App.Time.SetUtcNow(deadline.AddSeconds(1));
            var chief = await ApiClient.SignInAsync(App, $"streetchief-{streetId}");
            var first = (await Eventually.HoldsAsync(() => AlertsOfAsync(chief, caseId), l => l.Count > 0, "the chief's overdue alert")).Single();
            Assert.Equal(1, first.GetProperty("level").GetInt32());

            // Reassigned: the former chief's bell empties and the new chief's rings with the same alert.
            Assert.Equal(HttpStatusCode.OK, (await leader.Http.PutAsJsonAsync($"/api/streets/{streetId}/chief", new { personId = successorPerson, from = Today() })).StatusCode);
            var moved = (await Eventually.HoldsAsync(() => AlertsOfAsync(successor, caseId), l => l.Count > 0, "the alert handed to the new chief")).Single();
            Assert.Equal("overdue", moved.GetProperty("kind").GetString());
            Assert.Equal(1, moved.GetProperty("level").GetInt32());
            Assert.Empty(await AlertsOfAsync(chief, caseId));

            // The new chief signs out everywhere: at the watcher's next look the signed-in chief above holds it.
            await using (var conn = new NpgsqlConnection(TestDatabase.ConnectionString))
            {
                await conn.OpenAsync();
                await using var end = new NpgsqlCommand("UPDATE sign_in_sessions SET ended_at = now() WHERE user_name = @u AND ended_at IS NULL", conn);
                end.Parameters.AddWithValue("u", $"streetchief-{otherStreet}");
                Assert.True(await end.ExecuteNonQueryAsync() > 0);
            }
            App.Time.Advance(TimeSpan.FromMinutes(6));
            squadron = await ApiClient.SignInAsync(App, chain[1]);
            // The clock keeps moving while we wait: a watcher that was mid-round at the jump sleeps its full idle span from the new time.
            var covered = (await Eventually.HoldsAsync(() =>
            {
                App.Time.Advance(TimeSpan.FromSeconds(5));
                return AlertsOfAsync(squadron, caseId);
            }, l => l.Count > 0, "the alert covered by the chief above")).Single();
            Assert.Equal(1, covered.GetProperty("level").GetInt32());
            Assert.Equal($"person:{squadronPerson}", covered.GetProperty("recipient").GetString());
            // Across all of it one alert stood at a time for the condition; the hand-overs are in the change log.
            var all = (await leader.Http.GetFromJsonAsync<JsonElement>("/api/alerts")).EnumerateArray()
                .Where(a => a.GetProperty("caseId").GetString() == caseId.ToString() && a.GetProperty("kind").GetString() == "overdue").ToList();
            Assert.Equal(3, all.Count);
            Assert.Single(all, a => a.GetProperty("clearedAt").ValueKind == JsonValueKind.Null);
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await leader.Http.PutAsJsonAsync($"/api/streets/{streetId}/chief", new { personId = original, from = Today() })).StatusCode);
        }
    }

    [Fact]
    public async Task Only_the_admin_changes_the_spans_and_the_change_is_logged()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var admin = await ApiClient.SignInAsync(App, "admin");
        var body = new { overdueSpan = new { value = 2, unit = "workingHours" }, acknowledgeTimeout = new { value = 1, unit = "naturalHours" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Http.PutAsJsonAsync("/api/admin/escalation", body)).StatusCode);
        var bad = await admin.Http.PutAsJsonAsync("/api/admin/escalation", new { overdueSpan = new { value = -1, unit = "workingHours" }, acknowledgeTimeout = new { value = 1, unit = "fortnights" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("overdueSpan.value", out _));
        Assert.True(errors.TryGetProperty("acknowledgeTimeout.unit", out _));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync("/api/admin/escalation", body)).StatusCode);
        var now = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/escalation");
        Assert.Equal(2, now.GetProperty("overdueSpan").GetProperty("value").GetDouble());
        Assert.Equal("naturalHours", now.GetProperty("acknowledgeTimeout").GetProperty("unit").GetString());

        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT actor, after->'overdueSpan'->>'value' FROM changes WHERE entity_id = 'escalation' ORDER BY seq DESC LIMIT 1", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("admin", reader.GetString(0));
        Assert.Equal("2", reader.GetString(1));
    }

    private string Today() =>
        App.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task SpansAsync(double overdueHours, double acknowledgeHours)
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var response = await admin.Http.PutAsJsonAsync("/api/admin/escalation", new
        {
            overdueSpan = new { value = overdueHours, unit = "naturalHours" }, acknowledgeTimeout = new { value = acknowledgeHours, unit = "naturalHours" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A street whose chief (L3) has a squadron leader (L2) above, who has an area chief (L1): the street and the three accounts.</summary>
    private async Task<(string StreetId, string[] Chain)> ChainOfThreeAsync()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var streets = (await leader.Http.GetFromJsonAsync<JsonElement>("/api/streets")).EnumerateArray().ToList();
        string? StreetOf(string personId) => streets.FirstOrDefault(s => s.GetProperty("chief").GetProperty("personId").GetString() == personId) is { ValueKind: JsonValueKind.Object } s
            ? s.GetProperty("id").GetString() : null;
        foreach (var s in streets.Where(s => s.GetProperty("chief").GetProperty("roadChiefLevel").GetInt32() == 3))
        {
            var l2 = StreetOf(s.GetProperty("chief").GetProperty("supervisor").GetProperty("id").GetString()!);
            var l2Street = streets.FirstOrDefault(x => x.GetProperty("id").GetString() == l2);
            if (l2Street.ValueKind != JsonValueKind.Object || l2Street.GetProperty("chief").GetProperty("roadChiefLevel").GetInt32() != 2)
            {
                continue;
            }
            var l1 = StreetOf(l2Street.GetProperty("chief").GetProperty("supervisor").GetProperty("id").GetString()!);
            if (l1 is not null && s.GetProperty("id").GetString() is "S001" or "S003" or "S004" or "S006" or "S008")
            {
                var id = s.GetProperty("id").GetString()!;
                return (id, [$"streetchief-{id}", $"streetchief-{l2}", $"streetchief-{l1}"]);
            }
        }
        Assert.Fail("no street with three levels of chiefs");
        return default;
    }

    /// <summary>A burst water main (1 natural hour to handle) reported by the street's chief and dispatched; its handling deadline.</summary>
    private async Task<(Guid Id, DateTimeOffset Deadline)> DispatchedOnStreetAsync(string streetId, string description)
    {
        var chief = await ApiClient.SignInAsync(App, $"streetchief-{streetId}");
        var (lon, lat) = await CityPlaces.OnStreetAsync(streetId, nth: Random.Shared.Next(-3, 4));
        var response = await chief.ReportAsync(lon, lat, category: "20402", description: description);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(id, "accept");
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "file");
        var dispatched = await (await ApiClient.SignInAsync(App, "dispatcher")).ActOkAsync(id, "dispatch", new { department = "water" });
        return (id, dispatched.GetProperty("clock").GetProperty("deadline").GetDateTimeOffset());
    }

    private static async Task<List<JsonElement>> AlertsOfAsync(ApiClient client, Guid caseId) =>
        (await client.Http.GetFromJsonAsync<JsonElement>("/api/alerts?mine=true")).EnumerateArray()
            .Where(a => a.GetProperty("caseId").GetString() == caseId.ToString()).ToList();
}
