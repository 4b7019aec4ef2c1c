using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>Vendor zones drawn, edited and retired through the API: each refusal by field, the audit with geometry, and hours at an instant.</summary>
[Collection(CityCollection.Name)]
public sealed class ZoneApiTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task An_admin_draws_a_night_market_edits_its_hours_and_retires_it_with_every_step_audited()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var (lon, lat) = await StreetOrder.FreeSpotAsync();
        var ring = StreetOrder.Square(lon, lat);
        var created = await admin.Http.PostAsJsonAsync("/api/zones", StreetOrder.Feature(ring, new
        {
            name = "测试夜市", type = "night", windows = new[] { "fri,sat 19:00-02:00", "sun-thu 18:00-22:00" },
            seasons = new[] { new { from = "07-01", to = "10-31" }, new { from = "12-01", to = "02-28" } },
            closedDates = new[] { "2026-12-24" }, stallCount = 12, goods = "小吃、饮品", bannedGoods = "油炸食品",
        }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var zone = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("properties");
        var id = zone.GetProperty("id").GetString()!;
        Assert.StartsWith("VZ", id);
        Assert.Equal(2.0, zone.GetProperty("maxStallAreaM2").GetDouble()); // ≤ 2 m² per stall unless told otherwise
        Assert.Equal(["fri,sat 19:00-02:00", "mon-thu,sun 18:00-22:00"], zone.GetProperty("windows").EnumerateArray().Select(w => w.GetString()));

        // Every map hears of it: the zones layer and the lookup know it at once.
        var layer = await admin.Http.GetFromJsonAsync<JsonElement>("/api/map/zones");
        Assert.Contains(layer.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("id").GetString() == id);
        var lookup = await admin.Http.GetFromJsonAsync<JsonElement>(FormattableString.Invariant($"/api/lookup?lon={lon}&lat={lat}"));
        Assert.Equal(id, lookup.GetProperty("vendorZone").GetProperty("id").GetString());

        // Open on a winter Saturday night after midnight (the Friday window), closed on Christmas Eve (a closed date), and in
        // the small hours of a July Sunday that began on Saturday.
        Assert.Contains(id, await OpenAsync(admin, "2026-12-05T01:30"));
        Assert.DoesNotContain(id, await OpenAsync(admin, "2026-12-24T20:00"));
        Assert.Contains(id, await OpenAsync(admin, "2026-12-23T20:00"));
        Assert.DoesNotContain(id, await OpenAsync(admin, "2027-03-12T20:00")); // out of both seasons
        Assert.Contains(id, await OpenAsync(admin, "2027-07-11T01:00+08:00"));

        // An edit moves a corner and the hours; a stale version is refused.
        var moved = ring.Select(p => p.ToArray()).ToArray();
        moved[2][0] = Math.Round(moved[2][0] + 0.00005, 7);
        var edited = await admin.Http.PutAsJsonAsync($"/api/zones/{id}", StreetOrder.Feature(moved, new
        {
            name = "测试夜市", type = "night", windows = new[] { "18:00-23:00" }, stallCount = 14, goods = "小吃", version = 0,
        }));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(1, (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("properties").GetProperty("version").GetInt32());
        var stale = await admin.Http.PutAsJsonAsync($"/api/zones/{id}", StreetOrder.Feature(moved, new { name = "测试夜市", type = "night", windows = new[] { "18:00-23:00" }, version = 0 }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.DeleteAsync($"/api/zones/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.DeleteAsync($"/api/zones/{id}")).StatusCode);
        var zones = await admin.Http.GetFromJsonAsync<JsonElement>("/api/zones");
        Assert.DoesNotContain(zones.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("id").GetString() == id);
        Assert.DoesNotContain(id, await OpenAsync(admin, "2026-12-23T20:00"));

        // Who did what and when, with the polygon before and after each step.
        var history = (await admin.Http.GetFromJsonAsync<JsonElement>($"/api/zones/{id}/history")).EnumerateArray().ToList();
        Assert.Equal(["created", "updated", "retired"], history.Select(h => h.GetProperty("action").GetString()));
        Assert.All(history, h => Assert.Equal("admin", h.GetProperty("actor").GetString()));
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("before").ValueKind);
        Assert.Equal(ring[2][0], history[1].GetProperty("before").GetProperty("geometry").GetProperty("coordinates")[0][2][0].GetDouble());
        Assert.Equal(moved[2][0], history[1].GetProperty("after").GetProperty("geometry").GetProperty("coordinates")[0][2][0].GetDouble());
        Assert.NotEqual(JsonValueKind.Null, history[2].GetProperty("after").GetProperty("properties").GetProperty("retiredAt").ValueKind);
    }

    [Fact]
    public async Task Each_broken_rule_is_refused_on_its_own_field()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var (lon, lat) = await StreetOrder.FreeSpotAsync(1);
        var square = StreetOrder.Square(lon, lat);
        var market = new { name = "测试疏导点", type = "guided", windows = new[] { "09:00-12:00" }, stallCount = 4, goods = "修鞋" };

        // Not an area, an area crossing itself, an area outside the city.
        var point = await admin.Http.PostAsJsonAsync("/api/zones", new { type = "Feature", geometry = new { type = "Point", coordinates = new[] { lon, lat } }, properties = market });
        await AssertRefusedAsync(point, "geometry", "Point");
        var bowtie = new[] { square[0], square[2], square[1], square[3], square[0] };
        await AssertRefusedAsync(await admin.Http.PostAsJsonAsync("/api/zones", StreetOrder.Feature(bowtie, market)), "geometry", "自相交");
        var faraway = StreetOrder.Square(lon + 0.5, lat);
        await AssertRefusedAsync(await admin.Http.PostAsJsonAsync("/api/zones", StreetOrder.Feature(faraway, market)), "geometry", "超出城区");

        // A guided point at a school (人民中学's zone): within 100 m of its gate, and over its banned zone.
        var (schoolLon, schoolLat) = await StreetOrder.InsideZoneAsync("BZ01");
        var atSchool = await admin.Http.PostAsJsonAsync("/api/zones", StreetOrder.Feature(StreetOrder.Square(schoolLon, schoolLat, 5), market));
        var schoolErrors = await AssertRefusedAsync(atSchool, "geometry", "人民中学");
        Assert.Contains(schoolErrors, e => e.Contains("校门", StringComparison.Ordinal));
        Assert.Contains(schoolErrors, e => e.Contains("重叠", StringComparison.Ordinal));

        // Hours: overlapping windows, none at all for a market, a season that is no date, a type nobody knows.
        await AssertRefusedAsync(await admin.Http.PostAsJsonAsync("/api/zones", StreetOrder.Feature(square, market with { windows = ["19:00-01:00", "sat 00:30-02:00"] })),
            "windows[1]", "重叠");
        await AssertRefusedAsync(await admin.Http.PostAsJsonAsync("/api/zones", StreetOrder.Feature(square, market with { windows = Array.Empty<string>() })), "windows", "营业时段");
        await AssertRefusedAsync(await admin.Http.PostAsJsonAsync("/api/zones", StreetOrder.Feature(square, new
        {
            name = "测试瓜果点", type = "seasonal", windows = new[] { "07:00-21:00" }, seasons = new[] { new { from = "06-31", to = "09-30" } },
        })), "seasons[0].from", "06-31");
        await AssertRefusedAsync(await admin.Http.PostAsJsonAsync("/api/zones", StreetOrder.Feature(square, market with { type = "flea-market" })), "type", "flea-market");

        // A bike fence needs its capacity and operator, and may not lie over a market.
        await AssertRefusedAsync(await admin.Http.PostAsJsonAsync("/api/zones", StreetOrder.Feature(square, new { name = "测试围栏", type = "bike-fence" })),
            "capacity", "容量");
        var marketId = await StreetOrder.CreateZoneAsync(admin, StreetOrder.Feature(square, market));
        try
        {
            var fence = await admin.Http.PostAsJsonAsync("/api/zones", StreetOrder.Feature(StreetOrder.Square(lon, lat, 6), new
            {
                name = "测试围栏", type = "bike-fence", capacity = 20, @operator = "哈啰",
            }));
            await AssertRefusedAsync(fence, "geometry", "测试疏导点");
        }
        finally
        {
            await StreetOrder.RetireAsync(admin, marketId);
        }

        // Only admins draw zones; nobody edits a zone that is not there.
        var dispatcher = await ApiClient.SignInAsync(App, "dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.Http.PostAsJsonAsync("/api/zones", StreetOrder.Feature(square, market))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PutAsJsonAsync("/api/zones/VZ99", StreetOrder.Feature(square, market))).StatusCode);
    }

    [Fact]
    public async Task Open_zones_at_an_instant_read_times_without_an_offset_as_city_time()
    {
        var client = await ApiClient.SignInAsync(App, "dispatcher");
        // 杨公井 night market (VZ01) opens 19:00–01:00; 估衣廊 morning market (VZ02) 05:30–08:30; school zones never.
        var evening = await OpenAsync(client, "2026-12-05T20:00");
        Assert.Contains("VZ01", evening);
        Assert.DoesNotContain("VZ02", evening);
        Assert.DoesNotContain("BZ01", evening);
        Assert.Equal(evening, await OpenAsync(client, "2026-12-05T12:00:00Z")); // 12:00 UTC is 20:00 in Nanjing
        Assert.Contains("VZ02", await OpenAsync(client, "2026-12-05T06:00"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.Http.GetAsync("/api/zones/open?at=tonight")).StatusCode);
    }

    private static async Task<List<string>> OpenAsync(ApiClient client, string at) =>
        (await client.Http.GetFromJsonAsync<JsonElement>($"/api/zones/open?at={Uri.EscapeDataString(at)}"))
            .GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToList();

    /// <summary>Asserts a 400 with a message on <paramref name="field"/> that mentions <paramref name="mentions"/>; returns that field's messages.</summary>
    private static async Task<List<string>> AssertRefusedAsync(HttpResponseMessage response, string field, string mentions)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 on {field}: {(int)response.StatusCode} {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error on {field}: {text}");
        var list = messages.EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.True(list.Any(m => m.Contains(mentions, StringComparison.Ordinal)), $"{field}: {string.Join(" | ", list)} does not mention {mentions}");
        return list;
    }
}
