using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

[Collection(CityCollection.Name)]
public sealed class EndpointTests(CommandCenterFactory app) : CityTest(app)
{
    // A point inside the 新街口 roundabout's surroundings, well inside the core area.
    private const string CentralLon = "118.7845";
    private const string CentralLat = "32.0437";

    private readonly HttpClient _http = app.CreateClient();

    [Fact]
    public async Task Health_reports_the_database_and_postgis()
    {
        var response = await _http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("database").GetString());
        Assert.StartsWith("3.", body.GetProperty("postgis").GetString());
        Assert.True(body.GetProperty("unitGrids").GetInt32() > 300);
    }

    [Fact]
    public async Task Grids_are_a_feature_collection_with_codes_and_admin_names()
    {
        var response = await _http.GetAsync("/api/grids");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var fc = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("FeatureCollection", fc.GetProperty("type").GetString());
        var features = fc.GetProperty("features").EnumerateArray().ToList();
        Assert.InRange(features.Count, 300, 1000);
        foreach (var feature in features)
        {
            Assert.Equal("Polygon", feature.GetProperty("geometry").GetProperty("type").GetString());
            var p = feature.GetProperty("properties");
            Assert.Matches("^[0-9]{15}$", p.GetProperty("code").GetString());
            Assert.EndsWith("社区居委会", p.GetProperty("community").GetString());
            Assert.EndsWith("街道", p.GetProperty("subdistrict").GetString());
            Assert.False(string.IsNullOrEmpty(p.GetProperty("dutyGrid").GetString()));
            Assert.True(p.GetProperty("areaM2").GetDouble() > 0);
        }
    }

    [Theory]
    [InlineData("streets", "MultiLineString")]
    [InlineData("zones", null)]
    [InlineData("kiosks", "Point")]
    [InlineData("subdistricts", null)]
    [InlineData("communities", null)]
    [InlineData("duty-grids", null)]
    [InlineData("roads", "LineString")]
    [InlineData("buildings", null)]
    [InlineData("water", null)]
    [InlineData("waterways", null)]
    [InlineData("green", null)]
    [InlineData("railways", null)]
    public async Task Every_layer_is_served_as_geojson(string layer, string? geometryType)
    {
        var fc = await _http.GetFromJsonAsync<JsonElement>($"/api/layers/{layer}");
        var features = fc.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        if (geometryType is not null)
        {
            Assert.Contains(features, f => f.GetProperty("geometry").GetProperty("type").GetString() == geometryType);
        }
    }

    [Fact]
    public async Task The_city_has_the_five_real_street_offices_and_enough_zones_and_kiosks()
    {
        var subdistricts = await _http.GetFromJsonAsync<JsonElement>("/api/layers/subdistricts");
        var names = subdistricts.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()!).ToHashSet();
        Assert.Equal(new HashSet<string> { "五老村街道", "华侨路街道", "朝天宫街道", "梅园新村街道", "新街口街道" }, names);

        var zones = (await _http.GetFromJsonAsync<JsonElement>("/api/layers/zones")).GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties")).ToList();
        Assert.True(zones.Count(z => z.GetProperty("type").GetString() != "banned") >= 12);
        foreach (var type in new[] { "morning", "night", "seasonal", "guided", "banned" })
        {
            Assert.Contains(zones, z => z.GetProperty("type").GetString() == type);
        }
        var kiosks = (await _http.GetFromJsonAsync<JsonElement>("/api/layers/kiosks")).GetProperty("features").GetArrayLength();
        Assert.True(kiosks >= 8);
    }

    [Fact]
    public async Task Unknown_layer_is_a_404_problem()
    {
        var response = await _http.GetAsync("/api/layers/nonsense");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("nonsense", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Lookup_resolves_a_central_point_to_its_grid_chain()
    {
        var body = await _http.GetFromJsonAsync<JsonElement>($"/api/lookup?lon={CentralLon}&lat={CentralLat}");
        var gridCode = body.GetProperty("gridCode").GetString()!;
        Assert.Matches("^[0-9]{15}$", gridCode);
        Assert.Equal(gridCode[..12], body.GetProperty("communityCode").GetString());
        Assert.Equal(gridCode[..9], body.GetProperty("subdistrictCode").GetString());
        Assert.EndsWith("街道", body.GetProperty("subdistrict").GetString());
        Assert.EndsWith("社区居委会", body.GetProperty("community").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("dutyGrid").GetString()));
        var kiosk = body.GetProperty("kiosk");
        Assert.True(kiosk.GetProperty("distanceM").GetDouble() >= 0);
        Assert.True(body.TryGetProperty("street", out _));
        Assert.True(body.TryGetProperty("vendorZone", out _));
    }

    [Fact]
    public async Task Lookup_on_a_main_road_names_the_street_and_its_chief()
    {
        var streets = await _http.GetFromJsonAsync<JsonElement>("/api/layers/streets");
        var checkedStreets = 0;
        foreach (var street in streets.GetProperty("features").EnumerateArray()
                     .Where(f => f.GetProperty("properties").GetProperty("level").GetString() == "街长").Take(10))
        {
            // The midpoint of a segment lies on the street's centre line.
            var geometry = street.GetProperty("geometry");
            var line = geometry.GetProperty("type").GetString() == "MultiLineString" ? geometry.GetProperty("coordinates")[0] : geometry.GetProperty("coordinates");
            var mid = line.GetArrayLength() / 2;
            var lon = (line[mid - 1][0].GetDouble() + line[mid][0].GetDouble()) / 2;
            var lat = (line[mid - 1][1].GetDouble() + line[mid][1].GetDouble()) / 2;
            var response = await _http.GetAsync(FormattableString.Invariant($"/api/lookup?lon={lon}&lat={lat}"));
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                continue; // that part of the street runs beyond the gridded core
            }
            var found = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("street");
            Assert.Equal(JsonValueKind.Object, found.ValueKind);
            Assert.True(found.GetProperty("distanceM").GetDouble() <= 30);
            Assert.False(string.IsNullOrEmpty(found.GetProperty("chief").GetString()));
            checkedStreets++;
        }
        Assert.True(checkedStreets >= 3, $"only {checkedStreets} main streets had a midpoint inside the grids");
    }

    [Fact]
    public async Task Lookup_outside_the_city_is_a_404_problem()
    {
        var response = await _http.GetAsync("/api/lookup?lon=116.397&lat=39.909");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("不在任何单元网格内", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("lon=abc&lat=32.04", "lon")]
    [InlineData("lon=118.78", "lat")]
    [InlineData("lon=118.78&lat=95", "lat")]
    [InlineData("lon=118.78&lat=32.04&at=yesterday", "at")]
    public async Task Malformed_lookup_is_a_400_naming_the_field(string query, string field)
    {
        var response = await _http.GetAsync("/api/lookup?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.NotEmpty(messages);
        Assert.Equal("请求参数有误", problem.GetProperty("title").GetString()); // Chinese first …
        Assert.All(messages, m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));

        // … and English for a client that asks for it, word for word from the same resources.
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/lookup?" + query);
        english.Headers.AcceptLanguage.ParseAdd("en");
        var en = await (await _http.SendAsync(english)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("One or more fields are invalid", en.GetProperty("title").GetString());
        Assert.All(en.GetProperty("errors").GetProperty(field).EnumerateArray(), m => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", m.GetString()!.Replace("'", "")));
    }

    [Fact]
    public async Task Home_page_is_chinese_by_default_and_english_on_request()
    {
        // Blazor's prerenderer writes non-ASCII text as character references; the browser shows the characters.
        var zh = WebUtility.HtmlDecode(await _http.GetStringAsync("/"));
        Assert.Contains("城市运行指挥中心", zh);
        Assert.Contains("lang=\"zh-CN\"", zh);
        var en = WebUtility.HtmlDecode(await _http.GetStringAsync("/?culture=en"));
        Assert.Contains("City Operations Command Center", en);
    }
}
