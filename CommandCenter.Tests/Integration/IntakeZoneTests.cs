using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// Intake knows the zone and the hour: a street-vending report is permitted inside a zone open now (routed to management),
/// banned at a school (priority raised) or outside; 首违免罚 from the party's history; a 0506 bike case snaps to a fence.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class IntakeZoneTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task A_stall_in_an_open_guided_point_is_management_and_after_closing_time_an_ordinary_case()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var intake = await ApiClient.SignInAsync(App, "intake");
        var (lon, lat) = await StreetOrder.FreeSpotAsync(3);
        var now = StreetOrder.LocalNow(App);
        var opens = now.AddMinutes(-now.Minute - 60); // the hour before this one
        var closes = opens.AddHours(3);
        var id = await StreetOrder.CreateZoneAsync(admin, StreetOrder.Feature(StreetOrder.Square(lon, lat), new
        {
            name = "测试便民疏导点", type = "guided", windows = new[] { StreetOrder.Window(opens, closes) }, stallCount = 6, goods = "修鞋配钥匙",
        }));
        try
        {
            var permitted = await ReportAsync(intake, lon, lat, "20501", new { vendorId = "V0001" });
            var check = permitted.GetProperty("zoneCheck");
            Assert.Equal(id, check.GetProperty("zoneId").GetString());
            Assert.Equal("测试便民疏导点", check.GetProperty("zoneName").GetString());
            Assert.Equal("guided", check.GetProperty("type").GetString());
            Assert.True(check.GetProperty("openNow").GetBoolean());
            Assert.Equal("permitted", check.GetProperty("verdict").GetString());
            Assert.Equal("management", check.GetProperty("routing").GetString());
            Assert.Equal("sanitation", permitted.GetProperty("department").GetString()); // 市容 manages it, 执法 does not
            Assert.False(permitted.GetProperty("urgent").GetBoolean());
            // Trading where and when it is allowed is no offence: nothing to forgive, nothing recorded.
            Assert.Equal("not-applicable", permitted.GetProperty("leniency").GetProperty("decision").GetString());
            var offences = await intake.Http.GetFromJsonAsync<JsonElement>("/api/offences?party=vendor:V0001");
            Assert.Empty(offences.GetProperty("offences").EnumerateArray());

            App.Time.SetUtcNow(new DateTimeOffset(closes, TimeSpan.FromHours(8)).AddMinutes(1).ToUniversalTime());
            var closed = await ReportAsync(intake, lon, lat, "20501");
            Assert.Equal("outside", closed.GetProperty("zoneCheck").GetProperty("verdict").GetString());
            Assert.Equal(id, closed.GetProperty("zoneCheck").GetProperty("zoneId").GetString()); // the closed point is named
            Assert.False(closed.GetProperty("zoneCheck").GetProperty("openNow").GetBoolean());
            Assert.Equal("enforcement", closed.GetProperty("department").GetString());
            Assert.Equal("no-party", closed.GetProperty("leniency").GetProperty("decision").GetString());
        }
        finally
        {
            await StreetOrder.RetireAsync(admin, id);
        }
    }

    [Fact]
    public async Task A_stall_by_a_school_is_banned_and_urgent_and_one_nowhere_special_is_outside()
    {
        var intake = await ApiClient.SignInAsync(App, "intake");
        var (schoolLon, schoolLat) = await StreetOrder.InsideZoneAsync("BZ01");
        var banned = await ReportAsync(intake, schoolLon, schoolLat, "20501");
        var check = banned.GetProperty("zoneCheck");
        Assert.Equal("banned", check.GetProperty("verdict").GetString());
        Assert.Equal("BZ01", check.GetProperty("zoneId").GetString());
        Assert.Equal("人民中学", check.GetProperty("schoolName").GetString());
        Assert.Equal("enforcement", check.GetProperty("routing").GetString());
        Assert.True(banned.GetProperty("urgent").GetBoolean());
        var detail = await intake.CaseAsync(banned.GetProperty("id").GetGuid());
        Assert.Contains("urgent", detail.GetProperty("case").GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        var (lon, lat) = await StreetOrder.FreeSpotAsync(4);
        var outside = await ReportAsync(intake, lon, lat, "20504", new { party = "煎饼车 无牌" });
        Assert.Equal("outside", outside.GetProperty("zoneCheck").GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, outside.GetProperty("zoneCheck").GetProperty("zoneId").ValueKind);
        Assert.False(outside.GetProperty("urgent").GetBoolean());

        // Not street vending: no zone check at all.
        var garbage = await ReportAsync(intake, lon, lat, "20102");
        Assert.Equal(JsonValueKind.Null, garbage.GetProperty("zoneCheck").ValueKind);
    }

    [Fact]
    public async Task A_merchants_first_outside_shop_offence_is_a_warning_and_the_second_a_penalty_pointing_at_the_first()
    {
        var intake = await ApiClient.SignInAsync(App, "intake");
        var (lon, lat) = await StreetOrder.FreeSpotAsync(5);
        var first = await ReportAsync(intake, lon, lat, "20504", new { merchantId = "M0002" });
        var leniency = first.GetProperty("leniency");
        Assert.True(leniency.GetProperty("firstOffence").GetBoolean());
        Assert.Equal("warning", leniency.GetProperty("decision").GetString());
        Assert.Equal("LN01", leniency.GetProperty("item").GetString());
        // LN01 gives two natural hours to clear the pavement.
        Assert.Equal(App.Time.GetUtcNow().AddHours(2), leniency.GetProperty("correctionDeadline").GetDateTimeOffset());

        App.Time.Advance(TimeSpan.FromMinutes(30));
        var second = await ReportAsync(intake, lon, lat, "20504", new { merchantId = "M0002" });
        leniency = second.GetProperty("leniency");
        Assert.False(leniency.GetProperty("firstOffence").GetBoolean());
        Assert.Equal("penalty", leniency.GetProperty("decision").GetString());
        Assert.Equal(first.GetProperty("number").GetString(), leniency.GetProperty("repeatOf").GetProperty("caseNumber").GetString());

        // The case shows the party's history, newest first, and the decision.
        var shown = await intake.Http.GetFromJsonAsync<JsonElement>($"/api/cases/{second.GetProperty("id").GetGuid()}/intake");
        Assert.Equal("merchant:M0002", shown.GetProperty("party").GetString());
        Assert.Equal("penalty", shown.GetProperty("intake").GetProperty("leniency").GetProperty("decision").GetString());
        Assert.Equal(["penalty", "warning"], shown.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task An_unregistered_cart_is_known_by_its_plate_however_it_is_written_and_a_named_party_must_exist()
    {
        var intake = await ApiClient.SignInAsync(App, "intake");
        var (lon, lat) = await StreetOrder.FreeSpotAsync(6);
        var first = await ReportAsync(intake, lon, lat, "20501", new { party = "苏A-12 345" });
        Assert.Equal("warning", first.GetProperty("leniency").GetProperty("decision").GetString());
        Assert.Equal("unregistered:苏A12345", first.GetProperty("leniency").GetProperty("party").GetString());
        App.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await ReportAsync(intake, lon, lat, "20503", new { party = "苏a12345" }); // same item LN02 covers 20501 and 20503
        Assert.Equal("penalty", second.GetProperty("leniency").GetProperty("decision").GetString());

        var both = await intake.Http.PostAsJsonAsync("/api/cases", new { lon, lat, category = "20501", description = "流动摊贩", vendorId = "V0001", merchantId = "M0001" });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.True((await both.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("party", out _));
        var unknown = await intake.Http.PostAsJsonAsync("/api/cases", new { lon, lat, category = "20501", description = "流动摊贩", vendorId = "V9999" });
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("vendorId", out _));
    }

    [Fact]
    public async Task A_bike_case_snaps_to_the_nearest_fence_and_shows_its_fill_against_capacity()
    {
        var intake = await ApiClient.SignInAsync(App, "intake");
        var zones = await intake.Http.GetFromJsonAsync<JsonElement>("/api/zones");
        var fence = zones.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .First(p => p.GetProperty("type").GetString() == "bike-fence");
        var fenceId = fence.GetProperty("id").GetString()!;
        var (lon, lat) = await StreetOrder.InsideZoneAsync(fenceId);
        var bikes = await ReportAsync(intake, lon, lat + 0.0002, "20506"); // about 22 m north of the fence's middle
        var snapped = bikes.GetProperty("bikeFence");
        Assert.Equal(fenceId, snapped.GetProperty("zoneId").GetString());
        Assert.Equal(fence.GetProperty("capacity").GetInt32(), snapped.GetProperty("capacity").GetInt32());
        Assert.Equal(fence.GetProperty("parked").GetInt32(), snapped.GetProperty("parked").GetInt32());
        Assert.Equal(Math.Round(fence.GetProperty("parked").GetDouble() / fence.GetProperty("capacity").GetInt32(), 2), snapped.GetProperty("fill").GetDouble());
        Assert.InRange(snapped.GetProperty("distanceM").GetDouble(), 1, 40);
    }

    private static async Task<JsonElement> ReportAsync(ApiClient client, double lon, double lat, string category, object? party = null)
    {
        var body = new Dictionary<string, object?> { ["lon"] = lon, ["lat"] = lat, ["category"] = category, ["description"] = "测试：街面秩序问题" };
        if (party is not null)
        {
            foreach (var p in party.GetType().GetProperties())
            {
                body[p.Name] = p.GetValue(party);
            }
        }
        var response = await client.Http.PostAsJsonAsync("/api/cases", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"report {category}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
