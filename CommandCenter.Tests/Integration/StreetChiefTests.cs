using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>街巷长制 end to end: the chief in charge of each street, kept history, reassignment by leaders only, a chief's own queue.</summary>
[Collection(CityCollection.Name)]
public sealed class StreetChiefTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task Every_street_has_its_chief_from_the_city_data_with_a_road_chief_chain()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var streets = (await leader.Http.GetFromJsonAsync<JsonElement>("/api/streets")).EnumerateArray().ToList();
        Assert.Equal(117, streets.Count);
        var s001 = streets.Single(s => s.GetProperty("id").GetString() == "S001");
        Assert.Equal("一枝园", s001.GetProperty("name").GetString());
        Assert.Equal("lane", s001.GetProperty("level").GetString());
        var chief = s001.GetProperty("chief");
        Assert.Equal("P0117", chief.GetProperty("personId").GetString());
        Assert.Equal("石霞", chief.GetProperty("name").GetString());
        Assert.Equal("025-80465743", chief.GetProperty("phone").GetString());
        Assert.Equal("2026-01-01", chief.GetProperty("since").GetString());

        // Each 街道 has one area chief (L1) at the top; every L2 and L3 chief has someone one level up.
        var chiefs = streets.Select(s => s.GetProperty("chief")).ToList();
        Assert.Contains(chiefs, c => c.GetProperty("roadChiefLevel").GetInt32() == 1);
        Assert.All(chiefs.Where(c => c.GetProperty("roadChiefLevel").GetInt32() > 1), c => Assert.Equal(JsonValueKind.Object, c.GetProperty("supervisor").ValueKind));
        Assert.All(chiefs.Where(c => c.GetProperty("roadChiefLevel").GetInt32() == 1), c => Assert.Equal(JsonValueKind.Null, c.GetProperty("supervisor").ValueKind));

        var search = await leader.Http.GetFromJsonAsync<JsonElement>("/api/streets?q=一枝");
        Assert.Contains(search.EnumerateArray(), s => s.GetProperty("id").GetString() == "S001");
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Http.GetAsync("/api/streets/S999")).StatusCode);
    }

    [Fact]
    public async Task A_case_on_a_street_is_linked_to_its_chief_who_sees_it_in_their_queue_and_nobody_elses()
    {
        var chief = await ApiClient.SignInAsync(App, "streetchief-S001");
        var other = await ApiClient.SignInAsync(App, "streetchief-S002");
        var pushed = new ConcurrentQueue<JsonElement>();
        var otherPushed = new ConcurrentQueue<JsonElement>();
        await using var hub = chief.Hub(App.ServerAddress, pushed);
        await using var otherHub = other.Hub(App.ServerAddress, otherPushed);
        await hub.StartJoinedAsync();
        await otherHub.StartJoinedAsync();

        var (lon, lat) = await CityPlaces.OnStreetAsync("S001");
        var response = await chief.ReportAsync(lon, lat, category: "20102", description: "街长测试: 一枝园暴露垃圾");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("一枝园", created.GetProperty("street").GetString());
        Assert.Equal("石霞", created.GetProperty("streetChief").GetString());

        // Off their street the chief may not report (the case would not be theirs).
        var (lon2, lat2) = await CityPlaces.OnStreetAsync("S002");
        Assert.Equal(HttpStatusCode.Forbidden, (await chief.ReportAsync(lon2, lat2)).StatusCode);

        var leader = await ApiClient.SignInAsync(App, "leader");
        var street = await leader.Http.GetFromJsonAsync<JsonElement>("/api/streets/S001");
        Assert.True(street.GetProperty("openCases").GetInt32() >= 1);
        Assert.Contains(street.GetProperty("cases").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);

        var mine = await chief.Http.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=500");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await chief.Http.GetAsync($"/api/cases/{id}")).StatusCode);
        var theirs = await other.Http.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=500");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync($"/api/cases/{id}")).StatusCode);

        await Eventually.HoldsAsync(() => Task.FromResult(pushed.Any(m => m.GetProperty("caseId").GetGuid() == id)), x => x, "the chief's push");
        await Task.Delay(300);
        Assert.DoesNotContain(otherPushed, m => m.GetProperty("caseId").GetGuid() == id);
        Assert.Equal("S001", pushed.First(m => m.GetProperty("caseId").GetGuid() == id).GetProperty("streetId").GetString());
    }

    [Fact]
    public async Task A_leader_reassigns_a_chief_from_a_date_the_history_keeps_both_and_new_cases_go_to_the_new_chief()
    {
        var today = App.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = App.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var leader = await ApiClient.SignInAsync(App, "leader");
        var before = (await leader.Http.GetFromJsonAsync<JsonElement>("/api/streets/S060")).GetProperty("chief");
        var oldChief = before.GetProperty("personId").GetString()!;
        var newChief = (await leader.Http.GetFromJsonAsync<JsonElement>("/api/streets/S061")).GetProperty("chief").GetProperty("personId").GetString()!;

        // A grid member may not assign chiefs; nor a chief.
        var member = await ApiClient.SignInAsync(App, "gridmember");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.PutAsJsonAsync("/api/streets/S060/chief", new { personId = newChief, from = today })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiClient.SignInAsync(App, "streetchief-S060")).Http.PutAsJsonAsync("/api/streets/S060/chief", new { personId = newChief, from = today })).StatusCode);
        // Refused with field messages: an unknown person, a date already past, no date.
        var unknown = await leader.Http.PutAsJsonAsync("/api/streets/S060/chief", new { personId = "P9999", from = today });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("personId", out _));
        var past = await leader.Http.PutAsJsonAsync("/api/streets/S060/chief", new { personId = newChief, from = yesterday });
        Assert.True((await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("from", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Http.PutAsJsonAsync("/api/streets/S060/chief", new { personId = newChief })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Http.PutAsJsonAsync("/api/streets/S999/chief", new { personId = newChief, from = today })).StatusCode);

        var put = await leader.Http.PutAsJsonAsync("/api/streets/S060/chief", new { personId = newChief, from = today });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var assigned = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(newChief, assigned.GetProperty("personId").GetString());
        Assert.Equal("leader", assigned.GetProperty("assignedBy").GetString());
        // The levels stay as they were unless the leader names others.
        Assert.Equal(before.GetProperty("roadChiefLevel").GetInt32(), assigned.GetProperty("roadChiefLevel").GetInt32());

        var history = (await leader.Http.GetFromJsonAsync<JsonElement>("/api/streets/S060/chiefs")).EnumerateArray().ToList();
        Assert.Equal([oldChief, newChief], history.Select(h => h.GetProperty("personId").GetString()!));
        Assert.Equal(today, history[1].GetProperty("since").GetString());
        var now = (await leader.Http.GetFromJsonAsync<JsonElement>("/api/streets/S060")).GetProperty("chief");
        Assert.Equal(newChief, now.GetProperty("personId").GetString());

        // The map's lookup names the new chief, and a case reported now is linked to them.
        var (lon, lat) = await CityPlaces.OnStreetAsync("S060");
        var lookup = await leader.Http.GetFromJsonAsync<JsonElement>($"/api/lookup?lon={lon}&lat={lat}");
        Assert.Equal(now.GetProperty("name").GetString(), lookup.GetProperty("street").GetProperty("chief").GetString());
        var intake = await ApiClient.SignInAsync(App, "intake");
        var created = await (await intake.Http.PostAsJsonAsync("/api/cases", new { lon, lat, category = "20201", description = "换任后上报", source = "12319" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(now.GetProperty("name").GetString(), created.GetProperty("streetChief").GetString());
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await (await ApiClient.SignInAsync(App, "streetchief-S060")).Http.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await ApiClient.SignInAsync(App, "streetchief-S061")).Http.GetAsync($"/api/cases/{id}")).StatusCode);

        // Put back (a correction of the same date), so the street ends as it started.
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PutAsJsonAsync("/api/streets/S060/chief", new { personId = oldChief, from = today })).StatusCode);
        Assert.Equal(3, (await leader.Http.GetFromJsonAsync<JsonElement>("/api/streets/S060/chiefs")).GetArrayLength());
    }
}
