using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Tests.Integration;

/// <summary>Kiosks: stock below threshold alerts its staff and supervising department until restocked; complaints become cases; edits are checked.</summary>
[Collection(CityCollection.Name)]
public sealed class KioskTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task Water_running_low_alerts_the_staff_on_duty_and_the_department_until_it_is_restocked()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var department = await ApiClient.SignInAsync(App, "handler-enforcement");
        var staff = await ApiClient.SignInAsync(App, "gridmember-3");
        var bystander = await ApiClient.SignInAsync(App, "handler-water");
        var raised = new ConcurrentQueue<JsonElement>();
        var cleared = new ConcurrentQueue<JsonElement>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.ServerAddress, "/hubs/ops"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(department.Token)).Build();
        hub.On<JsonElement>("alertRaised", raised.Enqueue);
        hub.On<JsonElement>("alertCleared", cleared.Enqueue);
        await hub.StartJoinedAsync();

        var before = (await admin.Http.GetFromJsonAsync<JsonElement>("/api/kiosks/K02")).GetProperty("kiosk");
        var water = before.GetProperty("supplies").EnumerateArray().Single(s => s.GetProperty("item").GetString() == "water");
        var (stock, threshold) = (water.GetProperty("stock").GetInt32(), water.GetProperty("threshold").GetInt32());
        Assert.True(stock > threshold, "K02 starts with enough water");
        Assert.Equal("enforcement", before.GetProperty("department").GetString());

        // Nobody on duty yet may count stock; after checking in, the grid member may, and hears the kiosk's alerts.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Http.PutAsJsonAsync("/api/kiosks/K02/supplies/water", new { stock = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await staff.Http.PostAsync("/api/kiosks/K02/check-in", null)).StatusCode);
        Assert.Contains((await staff.Http.GetFromJsonAsync<JsonElement>("/api/kiosks/K02")).GetProperty("kiosk").GetProperty("staff").EnumerateArray(),
            s => s.GetProperty("userName").GetString() == "gridmember-3");
        var low = await staff.Http.PutAsJsonAsync("/api/kiosks/K02/supplies/water", new { stock = 5 });
        Assert.Equal(HttpStatusCode.OK, low.StatusCode);
        Assert.True((await low.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("low").GetBoolean());

        var pushed = await Eventually.HoldsAsync(() => Task.FromResult(raised.ToList()), l => l.Count > 0, "alertRaised for the department");
        Assert.Equal("low-stock", pushed[0].GetProperty("kind").GetString());
        Assert.Equal("K02", pushed[0].GetProperty("kioskId").GetString());
        Assert.Equal("water", pushed[0].GetProperty("item").GetString());
        var alertId = pushed[0].GetProperty("id").GetString();
        Assert.Contains(await MineAsync(staff), a => a.GetProperty("recipient").GetString() == "kiosk:K02" && a.GetProperty("item").GetString() == "water");
        Assert.Contains(await MineAsync(department), a => a.GetProperty("id").GetString() == alertId);
        Assert.DoesNotContain(await MineAsync(bystander), a => a.GetProperty("kind").GetString() == "low-stock");
        // Counting again while still low raises nothing new.
        await staff.Http.PutAsJsonAsync("/api/kiosks/K02/supplies/water", new { stock = 3 });
        Assert.Single(await MineAsync(department), a => a.GetProperty("kind").GetString() == "low-stock" && a.GetProperty("kioskId").GetString() == "K02");

        // Restocked: cleared everywhere.
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.PutAsJsonAsync("/api/kiosks/K02/supplies/water", new { stock })).StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(cleared.ToList()), l => l.Any(c => c.GetProperty("id").GetString() == alertId), "alertCleared for the department");
        Assert.DoesNotContain(await MineAsync(staff), a => a.GetProperty("kind").GetString() == "low-stock");
        Assert.DoesNotContain(await MineAsync(department), a => a.GetProperty("kind").GetString() == "low-stock");

        // Checked out, the kiosk's alerts no longer reach the grid member.
        Assert.Equal(HttpStatusCode.NoContent, (await staff.Http.PostAsync("/api/kiosks/check-out", null)).StatusCode);
        await admin.Http.PutAsJsonAsync("/api/kiosks/K02/supplies/water", new { stock = 1 });
        Assert.DoesNotContain(await MineAsync(staff), a => a.GetProperty("kind").GetString() == "low-stock");
        await admin.Http.PutAsJsonAsync("/api/kiosks/K02/supplies/water", new { stock });
    }

    [Fact]
    public async Task A_complaint_at_the_kiosk_becomes_a_kiosk_case_in_one_step()
    {
        var staff = await ApiClient.SignInAsync(App, "gridmember-5");
        await staff.Http.PostAsync("/api/kiosks/K03/check-in", null);
        try
        {
            var consultation = await staff.Http.PostAsJsonAsync("/api/kiosks/K03/log", new { kind = "directions", note = "问路：总统府" });
            Assert.Equal(HttpStatusCode.Created, consultation.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await staff.Http.PostAsJsonAsync("/api/kiosks/K03/log", new { kind = "directions", note = "x", createCase = true })).StatusCode);

            var complaint = await staff.Http.PostAsJsonAsync("/api/kiosks/K03/log", new { kind = "complaint", note = "市民投诉：长江路沿街商铺噪音扰民", createCase = true, category = "20508" });
            var text = await complaint.Content.ReadAsStringAsync();
            Assert.True(complaint.StatusCode == HttpStatusCode.Created, text);
            var caseId = JsonDocument.Parse(text).RootElement.GetProperty("caseId").GetGuid();
            var leader = await ApiClient.SignInAsync(App, "leader");
            var c = (await leader.CaseAsync(caseId)).GetProperty("case");
            Assert.Equal("kiosk", c.GetProperty("source").GetString());
            Assert.Equal("20508", c.GetProperty("category").GetString());
            var log = (await staff.Http.GetFromJsonAsync<JsonElement>("/api/kiosks/K03")).GetProperty("log").EnumerateArray().ToList();
            Assert.Equal(["complaint", "directions"], log.Select(l => l.GetProperty("kind").GetString()));
            Assert.Equal(c.GetProperty("number").GetString(), log[0].GetProperty("caseNumber").GetString());
        }
        finally
        {
            await staff.Http.PostAsync("/api/kiosks/check-out", null);
        }
    }

    [Fact]
    public async Task An_admin_edits_a_kiosk_within_the_rules_and_the_night_leaves_grids_uncovered()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var kiosk = (await admin.Http.GetFromJsonAsync<JsonElement>("/api/kiosks/K04")).GetProperty("kiosk");
        object Edit(double radius, string hours, int? cls = 2) => new
        {
            name = kiosk.GetProperty("name").GetString(), services = new[] { "consultation", "water", "firstAid", "permit" }, hours, is24h = false,
            kioskClass = cls, hasToilet = false, radiusM = radius, department = "enforcement",
        };
        var tooFar = await admin.Http.PutAsJsonAsync("/api/kiosks/K04", Edit(2000, "08:00-20:00"));
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.True((await tooFar.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("radiusM", out _));
        var badHours = await admin.Http.PutAsJsonAsync("/api/kiosks/K04", Edit(1200, "early till late", 4));
        var errors = (await badHours.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("hours", out _) && errors.TryGetProperty("kioskClass", out _));
        var dispatcher = await ApiClient.SignInAsync(App, "dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.Http.PutAsJsonAsync("/api/kiosks/K04", Edit(1200, "08:00-20:00"))).StatusCode);

        var saved = await admin.Http.PutAsJsonAsync("/api/kiosks/K04", Edit(1500, "mon-fri 07:30-21:00; sat,sun 09:00-17:00"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var layer = await admin.Http.GetFromJsonAsync<JsonElement>("/api/layers/kiosks");
        Assert.Equal(1500, layer.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("id").GetString() == "K04")
            .GetProperty("properties").GetProperty("radiusM").GetDouble());

        var day = await admin.Http.GetFromJsonAsync<JsonElement>("/api/kiosks/coverage?at=2026-12-08T10:00");
        var night = await admin.Http.GetFromJsonAsync<JsonElement>("/api/kiosks/coverage?at=2026-12-08T23:00");
        Assert.True(night.GetProperty("openKiosks").GetInt32() < day.GetProperty("openKiosks").GetInt32());
        Assert.True(night.GetProperty("uncovered").GetArrayLength() >= day.GetProperty("uncovered").GetArrayLength());
        await admin.Http.PutAsJsonAsync("/api/kiosks/K04", new
        {
            name = kiosk.GetProperty("name").GetString(), services = kiosk.GetProperty("services").EnumerateArray().Select(s => s.GetString()).ToArray(),
            hours = kiosk.GetProperty("hours").GetString(), is24h = kiosk.GetProperty("is24h").GetBoolean(), hasToilet = false,
            radiusM = kiosk.GetProperty("radiusM").GetDouble(), department = "enforcement",
        });
    }

    private static async Task<List<JsonElement>> MineAsync(ApiClient client) =>
        (await client.Http.GetFromJsonAsync<JsonElement>("/api/alerts?mine=true")).EnumerateArray().ToList();
}
