using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using CommandCenter.Web.Features.Tiles;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// <c>/tiles/{layer}/{z}/{x}/{y}.mvt</c>: real Mapbox Vector Tiles from PostGIS, decoded here; empty where the city is not;
/// refused for impossible addresses; cases only for readers who may read them, and drawn again after a case event.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class VectorTileTests(CommandCenterFactory app) : CityTest(app)
{
    // 新街口, the middle of the demo city.
    private const double Lon = 118.7800, Lat = 32.0440;

    [Fact]
    public async Task A_grid_tile_over_the_city_holds_unit_grids_with_their_code_community_and_member()
    {
        var (x, y) = TileOf(Lon, Lat, 15);
        var response = await App.CreateClient().GetAsync($"/tiles/grids/15/{x}/{y}.mvt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        var layer = Assert.Single(MvtReader.Read(await response.Content.ReadAsByteArrayAsync()));
        Assert.Equal("grids", layer.Name);
        Assert.Equal(4096, layer.Extent);
        // A z15 tile is about 1 km wide: dozens of 100–200 m grids.
        Assert.True(layer.Features.Count >= 10, $"{layer.Features.Count} grids");
        Assert.All(layer.Features, f =>
        {
            Assert.Equal(3, f.Type); // polygon
            Assert.Matches("^[0-9]{15}$", (string)f.Properties["code"]!);
            Assert.EndsWith("社区居委会", (string)f.Properties["community"]!);
            Assert.False(string.IsNullOrEmpty((string?)f.Properties["member"]));
            Assert.True(Convert.ToDouble(f.Properties["areaM2"]) > 0);
        });
    }

    [Fact]
    public async Task Streets_and_duty_grids_come_as_lines_and_polygons_with_their_names()
    {
        var (x, y) = TileOf(Lon, Lat, 15);
        var http = App.CreateClient();
        var streets = Assert.Single(MvtReader.Read(await http.GetByteArrayAsync($"/tiles/streets/15/{x}/{y}.mvt")));
        Assert.Contains(streets.Features, f => f.Type == 2 && f.Properties["chief"] is string { Length: > 0 } && f.Properties["name"] is string { Length: > 0 });
        var duty = Assert.Single(MvtReader.Read(await http.GetByteArrayAsync($"/tiles/duty-grids/15/{x}/{y}.mvt")));
        Assert.All(duty.Features, f => Assert.Equal(3, f.Type));
        Assert.Contains(duty.Features, f => f.Properties["member"] is string { Length: > 0 });
    }

    [Fact]
    public async Task A_tile_where_the_city_is_not_or_below_the_layers_zoom_is_empty()
    {
        var http = App.CreateClient();
        // The Atlantic at z15, then the whole city at z5 (grids start at z10).
        foreach (var url in new[] { "/tiles/grids/15/16000/16000.mvt", $"/tiles/grids/5/{TileOf(Lon, Lat, 5).X}/{TileOf(Lon, Lat, 5).Y}.mvt" })
        {
            var response = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(MvtReader.Read(await response.Content.ReadAsByteArrayAsync()).SelectMany(l => l.Features));
        }
    }

    [Theory]
    [InlineData("/tiles/grids/23/0/0.mvt", "z")]
    [InlineData("/tiles/grids/3/8/0.mvt", "x")]
    [InlineData("/tiles/grids/3/0/-1.mvt", "y")]
    [InlineData("/tiles/grids/a/0/0.mvt", "z")]
    public async Task An_impossible_tile_address_is_refused_naming_the_field(string url, string field)
    {
        var response = await App.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_layer_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().GetAsync("/tiles/parcels/15/0/0.mvt")).StatusCode);
    }

    [Fact]
    public async Task The_same_tile_asked_again_with_its_etag_is_not_modified()
    {
        var (x, y) = TileOf(Lon, Lat, 14);
        var http = App.CreateClient();
        var first = await http.GetAsync($"/tiles/grids/14/{x}/{y}.mvt");
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/tiles/grids/14/{x}/{y}.mvt");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await http.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal("public, max-age=60", first.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_reported_case_appears_in_the_case_tile_of_those_who_may_read_it_and_only_theirs()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-12");
        var leader = await ApiClient.SignInAsync(App, "leader");
        var water = await ApiClient.SignInAsync(App, "handler-water");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var (x, y) = TileOf(lon, lat, 16);
        var url = $"/tiles/cases/16/{x}/{y}.mvt";
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync(url)).StatusCode);
        // The leader's tile is built (and cached) before the case exists.
        Assert.Empty(MvtReader.Read(await leader.Http.GetByteArrayAsync(url)));

        var created = await (await member.ReportAsync(lon, lat)).Content.ReadFromJsonAsync<JsonElement>();
        var number = created.GetProperty("number").GetString();

        // The case event moves the leader's tile version: the next request draws the case.
        var drawn = await Eventually.HoldsAsync(
            async () => MvtReader.Read(await leader.Http.GetByteArrayAsync(url)).SelectMany(l => l.Features).ToList(),
            features => features.Any(f => (string?)f.Properties["number"] == number), "the case in the leader's tile");
        var feature = Assert.Single(drawn, f => (string?)f.Properties["number"] == number);
        Assert.Equal(1, feature.Type); // point
        Assert.Equal("reported", feature.Properties["status"]);
        Assert.Equal("green", feature.Properties["level"]);
        Assert.Equal(false, feature.Properties["overdue"]);
        var own = Assert.Single(MvtReader.Read(await member.Http.GetByteArrayAsync(url)));
        Assert.Contains(own.Features, f => (string?)f.Properties["number"] == number);
        // Garbage goes to 市容环卫: the water department's handler is shown nothing.
        Assert.Empty(MvtReader.Read(await water.Http.GetByteArrayAsync(url)).SelectMany(l => l.Features));
        // A filter on another category leaves it out too.
        Assert.Empty(MvtReader.Read(await leader.Http.GetByteArrayAsync(url + "?category=205")).SelectMany(l => l.Features));

        var counts = await leader.Http.GetFromJsonAsync<JsonElement>("/api/map/grid-counts");
        Assert.Equal(1, counts.GetProperty("open").GetInt32());
        Assert.Equal(1, counts.GetProperty("grids").GetProperty(created.GetProperty("gridCode").GetString()!)[0].GetInt32());
        // The city view's 社区 sums: the one case is counted in its grid's 社区 (a grid's code starts with its 社区's).
        var community = Assert.Single(counts.GetProperty("communities").EnumerateObject());
        Assert.StartsWith(community.Name, created.GetProperty("gridCode").GetString()!, StringComparison.Ordinal);
        Assert.Equal(1, community.Value[0].GetInt32());
    }

    [Fact]
    public async Task The_map_is_told_the_size_of_the_city_and_draws_the_demo_city_without_tiles()
    {
        var info = await App.CreateClient().GetFromJsonAsync<JsonElement>("/api/map/city");

        Assert.Equal(548, info.GetProperty("grids").GetInt32());
        Assert.False(info.GetProperty("tiles").GetBoolean());
        var bbox = info.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.InRange(Lon, bbox[0], bbox[2]);
        Assert.InRange(Lat, bbox[1], bbox[3]);
    }

    [Fact]
    public async Task Seeding_puts_every_city_view_geometry_tile_in_the_cache_and_the_endpoint_serves_it()
    {
        var city = App.Services.GetRequiredService<CommandCenter.Web.City.CityGeography>();
        var cache = App.Services.GetRequiredService<TileCache>();
        var expected = TileSeeder.TilesFor(city.Index.Bounds, TileSeeder.DefaultSeedToZoom).ToList();

        var seeded = await App.Services.GetRequiredService<TileSeeder>().SeedAsync(CancellationToken.None);

        Assert.Equal(expected.Count, seeded);
        // Four layers; grids, duty grids and zones from z10, streets from z11, each up to z12.
        Assert.Equal(new[] { "duty-grids", "grids", "streets", "zones" }, expected.Select(t => t.Layer.Name).Distinct().Order());
        Assert.Equal(10, expected.Min(t => t.Tile.Z));
        Assert.Equal(12, expected.Max(t => t.Tile.Z));
        Assert.All(expected, t => Assert.True(cache.Contains(TileCache.GeometryKey(t.Layer, city.Version, t.Tile)), $"{t.Layer.Name} {t.Tile}"));
        var (x, y) = TileOf(Lon, Lat, 12);
        Assert.Contains(expected, t => t.Layer == TileLayer.Grids && t.Tile == new TileAddress(12, x, y));
        var response = await App.CreateClient().GetAsync($"/tiles/grids/12/{x}/{y}.mvt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grids = Assert.Single(MvtReader.Read(await response.Content.ReadAsByteArrayAsync()));
        // A z12 tile is about 10 km wide: the middle of the demo city's 548 grids.
        Assert.True(grids.Features.Count > 100, $"{grids.Features.Count} grids");
    }

    /// <summary>The XYZ tile holding a point: x from the longitude, y from the mercator latitude, counted from the north.</summary>
    public static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var rad = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n);
        return (x, y);
    }
}
