using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Geography;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.Integration;

/// <summary>马路局长: the monthly roster with swaps and stand-ins, patrols from the phone with their tracks, and the day's figures.</summary>
[Collection(CityCollection.Name)]
public sealed class RoadDirectorTests(CommandCenterFactory app) : CityTest(app)
{
    private DateOnly Today => DateOnly.FromDateTime(App.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_roster_plans_a_leader_a_month_and_keeps_every_set_swap_and_stand_in()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var year = await leader.Http.GetFromJsonAsync<JsonElement>("/api/duty/roster?year=2026");
        var months = year.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, months.Count);
        // Seeded so that this month (December 2026) is the road director's: 黄守仁, the `roaddirector` account.
        Assert.Equal("P0006", months.Single(m => m.GetProperty("month").GetString() == "2026-12").GetProperty("personId").GetString());
        // Five bureau leaders in turn: 2027 goes on from where 2026 stopped.
        var next = (await leader.Http.GetFromJsonAsync<JsonElement>("/api/duty/roster?year=2027")).GetProperty("months").EnumerateArray().ToList();
        Assert.Equal("P0007", next[0].GetProperty("personId").GetString());
        Assert.Equal(next[0].GetProperty("personId").GetString(), next[5].GetProperty("personId").GetString());

        var onDuty = await leader.Http.GetFromJsonAsync<JsonElement>($"/api/duty/road-director?date={Day(Today)}");
        Assert.Equal(Today.Month == 12 && Today.Year == 2026 ? "黄守仁" : onDuty.GetProperty("person").GetProperty("name").GetString(),
            onDuty.GetProperty("person").GetProperty("name").GetString());

        // Who may change it, and whom it may name.
        var member = await ApiClient.SignInAsync(App, "gridmember");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.PutAsJsonAsync("/api/duty/roster/2027-03", new { personId = "P0004" })).StatusCode);
        var stranger = await leader.Http.PutAsJsonAsync("/api/duty/roster/2027-03", new { personId = "P0117" });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.True((await stranger.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("personId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Http.PutAsJsonAsync("/api/duty/roster/2031-03", new { personId = "P0004" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Http.PutAsJsonAsync("/api/duty/roster/March", new { personId = "P0004" })).StatusCode);

        var march = next.Single(m => m.GetProperty("month").GetString() == "2027-03").GetProperty("personId").GetString()!;
        var april = next.Single(m => m.GetProperty("month").GetString() == "2027-04").GetProperty("personId").GetString()!;
        var other = new[] { "P0003", "P0004", "P0005", "P0007" }.First(p => p != march && p != april);
        var set = await leader.Http.PutAsJsonAsync("/api/duty/roster/2027-03", new { personId = other });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(other, (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("personId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await leader.Http.PostAsJsonAsync("/api/duty/roster/swap", new { monthA = "2027-03", monthB = "2027-04" })).StatusCode);
        var after = await leader.Http.GetFromJsonAsync<JsonElement>("/api/duty/roster?year=2027");
        var byMonth = after.GetProperty("months").EnumerateArray().ToDictionary(m => m.GetProperty("month").GetString()!, m => m.GetProperty("personId").GetString());
        Assert.Equal(april, byMonth["2027-03"]);
        Assert.Equal(other, byMonth["2027-04"]);
        var history = after.GetProperty("history").EnumerateArray().Select(h => (Kind: h.GetProperty("kind").GetString(), Month: h.GetProperty("month").GetString())).ToList();
        Assert.Contains(("set", "2027-03"), history);
        Assert.Contains(("swapped", "2027-03"), history);
        Assert.Contains(("swapped", "2027-04"), history);
        Assert.Equal(12, history.Count(h => h.Kind == "planned"));

        // A stand-in for one day, then off again.
        var tomorrow = Today.AddDays(1);
        var regular = (await leader.Http.GetFromJsonAsync<JsonElement>($"/api/duty/road-director?date={Day(tomorrow)}")).GetProperty("person").GetProperty("id").GetString();
        var standIn = regular == "P0007" ? "P0005" : "P0007";
        Assert.Equal(HttpStatusCode.OK, (await leader.Http.PutAsJsonAsync($"/api/duty/stand-ins/{Day(tomorrow)}", new { personId = standIn })).StatusCode);
        var covered = (await leader.Http.GetFromJsonAsync<JsonElement>($"/api/duty/road-director?date={Day(tomorrow)}")).GetProperty("person");
        Assert.Equal(standIn, covered.GetProperty("id").GetString());
        Assert.True(covered.GetProperty("standIn").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Http.PutAsJsonAsync($"/api/duty/stand-ins/{Day(tomorrow)}", new { personId = regular })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await leader.Http.DeleteAsync($"/api/duty/stand-ins/{Day(tomorrow)}")).StatusCode);
        Assert.Equal(regular, (await leader.Http.GetFromJsonAsync<JsonElement>($"/api/duty/road-director?date={Day(tomorrow)}")).GetProperty("person").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Http.DeleteAsync($"/api/duty/stand-ins/{Day(tomorrow)}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Http.GetAsync("/api/duty/road-director?date=tomorrow")).StatusCode);
    }

    [Fact]
    public async Task A_patrol_keeps_the_believable_points_as_a_track_counts_the_rest_and_feeds_the_directors_figures()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember");
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.PostAsync("/api/patrols", null)).StatusCode);

        var director = await ApiClient.SignInAsync(App, "roaddirector");
        var leader = await ApiClient.SignInAsync(App, "leader");
        var moved = new ConcurrentQueue<JsonElement>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(App.ServerAddress, "/hubs/ops"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(leader.Token)).Build();
        hub.On<JsonElement>("patrolMoved", m => moved.Enqueue(m));
        await hub.StartJoinedAsync();
        var before = await director.Http.GetFromJsonAsync<JsonElement>("/api/duty/road-director");

        var start = await director.Http.PostAsync("/api/patrols", null);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await director.Http.PostAsync("/api/patrols", null)).StatusCode);
        // Somebody else's patrol cannot be moved or fed.
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.Http.PostAsync($"/api/patrols/{id}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync($"/api/patrols/{id}")).StatusCode);

        // Walking east along 中山路 from the 新街口 roundabout: a fix every 30 s, 60 m apart (2 m/s).
        var t0 = App.Time.GetUtcNow();
        var (lon, lat) = (118.7845, 32.0437);
        var step = Geodesy.DegreesLon(60, lat);
        var walk = Enumerable.Range(1, 4).Select(i => new { lon = lon + step * (i - 1), lat, at = t0.AddSeconds(30 * i), accuracyM = 8.0 }).ToList();
        App.Time.Advance(TimeSpan.FromSeconds(130));
        var posted = await director.Http.PostAsJsonAsync($"/api/patrols/{id}/points", new object[]
        {
            walk[0], walk[1],
            new { lon = 116.40, lat = 39.90, at = t0.AddSeconds(70), accuracyM = 8.0 },      // Beijing: outside the city
            walk[2],
            new { lon = walk[1].lon, lat, at = t0.AddSeconds(80), accuracyM = 8.0 },        // older than the last kept
            new { lon = lon + step * 8, lat, at = t0.AddSeconds(95), accuracyM = 8.0 },     // 300 m on in 5 s
            walk[3],
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var outcome = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, outcome.GetProperty("accepted").GetInt32());
        Assert.Equal(3, outcome.GetProperty("dropped").GetInt32());
        Assert.Equal(1, outcome.GetProperty("droppedByReason").GetProperty("outsideCity").GetInt32());
        Assert.Equal(1, outcome.GetProperty("droppedByReason").GetProperty("outOfOrder").GetInt32());
        Assert.Equal(1, outcome.GetProperty("droppedByReason").GetProperty("tooFast").GetInt32());
        // Three steps of 60 m (to the metre; Geodesy is the same haversine the domain measures with).
        Assert.InRange(outcome.GetProperty("distanceM").GetDouble(), 179, 181);

        var pushed = await Eventually.HoldsAsync(() => Task.FromResult(moved.Where(m => m.GetProperty("patrolId").GetGuid() == id).ToList()), l => l.Count > 0, "patrolMoved");
        Assert.Equal(walk[3].lon, pushed[^1].GetProperty("lon").GetDouble(), 6);
        Assert.Equal("黄守仁", pushed[^1].GetProperty("person").GetString());

        var track = await leader.Http.GetFromJsonAsync<JsonElement>($"/api/patrols/{id}");
        Assert.Equal("LineString", track.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(4, track.GetProperty("geometry").GetProperty("coordinates").GetArrayLength());
        Assert.Equal(3, track.GetProperty("properties").GetProperty("droppedPoints").GetInt32());

        // A pause cuts the track: a fix taken during it is dropped, no distance is counted across it.
        Assert.Equal(HttpStatusCode.OK, (await director.Http.PostAsync($"/api/patrols/{id}/pause", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await director.Http.PostAsync($"/api/patrols/{id}/pause", null)).StatusCode);
        App.Time.Advance(TimeSpan.FromMinutes(5));
        var paused = await (await director.Http.PostAsJsonAsync($"/api/patrols/{id}/points", new[] { new { lon = lon + step * 5, lat, at = App.Time.GetUtcNow(), accuracyM = 5.0 } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, paused.GetProperty("droppedByReason").GetProperty("notPatrolling").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await director.Http.PostAsync($"/api/patrols/{id}/resume", null)).StatusCode);
        var t1 = App.Time.GetUtcNow();
        App.Time.Advance(TimeSpan.FromSeconds(60));
        await director.Http.PostAsJsonAsync($"/api/patrols/{id}/points", new[]
        {
            new { lon = lon + step * 10, lat, at = t1.AddSeconds(10), accuracyM = 5.0 },
            new { lon = lon + step * 11, lat, at = t1.AddSeconds(50), accuracyM = 5.0 },
        });

        // A problem found on the patrol carries the source and the patrol; fixed on the spot it counts so.
        var (plon, plat) = (lon + step * 11, lat + 0.0002);
        var photos = new[] { await director.UploadPhotoAsync(), await director.UploadPhotoAsync() };
        var found = await (await director.Http.PostAsJsonAsync("/api/cases", new { lon = plon, lat = plat, category = "20201", description = "巡查发现: 小广告", photoIds = photos[..1] }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var foundId = found.GetProperty("id").GetGuid();
        var detail = await leader.CaseAsync(foundId);
        Assert.Equal("roaddirector", detail.GetProperty("case").GetProperty("source").GetString());
        await director.ActOkAsync(foundId, "self-handle", new { note = "已清除", photoIds = photos });
        // … and a case the director puts under 督办.
        var (mlon, mlat) = await member.PointInOwnDutyGridAsync();
        var other = (await (await member.ReportAsync(mlon, mlat)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(other, "accept");
        await director.ActOkAsync(other, "supervise", new { note = "马路局长督办" });

        Assert.Equal(HttpStatusCode.OK, (await director.Http.PostAsync($"/api/patrols/{id}/end", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await director.Http.PostAsync($"/api/patrols/{id}/resume", null)).StatusCode);

        track = await leader.Http.GetFromJsonAsync<JsonElement>($"/api/patrols/{id}");
        var properties = track.GetProperty("properties");
        Assert.Equal("MultiLineString", track.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal("ended", properties.GetProperty("state").GetString());
        // 180 m, then 60 m after the pause (the 5 × 60 m between the two spans is not walked).
        Assert.InRange(properties.GetProperty("distanceM").GetDouble(), 239, 241);
        // Active: 130 s before the pause, 60 s after it (the five paused minutes do not count).
        Assert.Equal(Math.Round(190 / 60.0, 1), properties.GetProperty("minutes").GetDouble());
        Assert.Equal(1, properties.GetProperty("found").GetInt32());
        Assert.Equal(1, properties.GetProperty("fixedOnSpot").GetInt32());
        Assert.Equal(1, properties.GetProperty("supervised").GetInt32());

        var today = await director.Http.GetFromJsonAsync<JsonElement>($"/api/duty/road-director?date={Day(Today)}");
        if (today.GetProperty("person").GetProperty("id").GetString() == "P0006")
        {
            var p = today.GetProperty("patrol");
            var b = before.GetProperty("patrol");
            Assert.Equal(b.GetProperty("distanceM").GetDouble() + 240, p.GetProperty("distanceM").GetDouble(), 0);
            Assert.Equal(b.GetProperty("found").GetInt32() + 1, p.GetProperty("found").GetInt32());
            Assert.Equal(b.GetProperty("fixedOnSpot").GetInt32() + 1, p.GetProperty("fixedOnSpot").GetInt32());
            Assert.Equal(b.GetProperty("supervised").GetInt32() + 1, p.GetProperty("supervised").GetInt32());
        }
        var log = await director.Http.GetFromJsonAsync<JsonElement>("/api/patrols");
        Assert.Contains(log.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("id").GetString() == id.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.GetAsync("/api/patrols?person=P0006")).StatusCode);
    }
}
