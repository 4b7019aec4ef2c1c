using CommandCenter.Web.City;
using CommandCenter.Domain.Geography;
using CommandCenter.Tests.Support;
using CommandCenter.Web.Features.Map;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Npgsql;

namespace CommandCenter.Tests.Integration;

/// <summary>The imported grids checked by PostGIS itself, and the in-memory index checked against PostGIS.</summary>
[Collection(CityCollection.Name)]
public sealed class GridTopologyTests(CommandCenterFactory app)
{
    // The core area the grids are cut from (gis-data/README.md).
    private const double West = 118.764, East = 118.796, South = 32.036, North = 32.052;

    [Fact]
    public async Task Lookup_agrees_with_postgis_st_contains_for_1000_random_points()
    {
        app.StartServer();
        var index = app.Services.GetRequiredService<CityGeography>().Index;
        var random = new Random(20261126);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);
        await using var conn = await OpenAsync();
        var disagreements = new List<string>();
        var inside = 0;
        for (var i = 0; i < 1000; i++)
        {
            var lon = West + random.NextDouble() * (East - West);
            var lat = South + random.NextDouble() * (North - South);
            await using var cmd = new NpgsqlCommand(
                "SELECT code FROM unit_grids WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326))", conn);
            cmd.Parameters.AddWithValue("lon", lon);
            cmd.Parameters.AddWithValue("lat", lat);
            var codes = new List<string>();
            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    codes.Add(reader.GetString(0));
                }
            }
            Assert.True(codes.Count <= 1, $"({lon}, {lat}) lies in {codes.Count} grids: {string.Join(", ", codes)}");
            var ours = index.Lookup(factory.CreatePoint(new Coordinate(lon, lat)), new DateTime(2026, 7, 1, 20, 0, 0))?.Grid.Code;
            if (ours != codes.SingleOrDefault())
            {
                disagreements.Add($"({lon}, {lat}): index {ours ?? "none"}, PostGIS {codes.SingleOrDefault() ?? "none"}");
            }
            inside += codes.Count;
        }
        Assert.Empty(disagreements);
        Assert.True(inside > 950, $"only {inside} of 1000 points in the core rectangle fell inside a grid");
    }

    [Fact]
    public async Task Every_grid_code_is_unique_and_well_formed()
    {
        await using var conn = await OpenAsync();
        var codes = await QueryStrings(conn, "SELECT code || '|' || community_code || '|' || subdistrict_code FROM unit_grids");
        Assert.True(codes.Count > 300);
        var gridCodes = new HashSet<string>();
        foreach (var row in codes)
        {
            var parts = row.Split('|');
            Assert.True(GridCode.TryParse(parts[0], out var code), $"{parts[0]} is not a 15-digit grid code");
            Assert.Equal(parts[1], code.Value.CommunityCode);
            Assert.Equal(parts[2], code.Value.SubdistrictCode);
            Assert.True(gridCodes.Add(parts[0]), $"{parts[0]} appears twice");
        }
    }

    [Fact]
    public async Task Grids_are_valid_and_no_two_overlap()
    {
        await using var conn = await OpenAsync();
        Assert.Equal(0L, await Scalar<long>(conn, "SELECT count(*) FROM unit_grids WHERE NOT ST_IsValid(geom)"));
        var overlapping = await QueryStrings(conn, """
            SELECT a.code || ' × ' || b.code
            FROM unit_grids a JOIN unit_grids b ON a.code < b.code AND a.geom && b.geom
            WHERE ST_Relate(a.geom, b.geom, '2********')
              AND ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 0.01
            """);
        Assert.Empty(overlapping);
    }

    [Fact]
    public async Task Grids_cover_the_core_area_without_gaps()
    {
        await using var conn = await OpenAsync();
        var envelope = FormattableString.Invariant($"ST_MakeEnvelope({West}, {South}, {East}, {North}, 4326)");
        var core = await Scalar<double>(conn, $"SELECT ST_Area({envelope}::geography)");
        var union = await Scalar<double>(conn, "SELECT ST_Area(ST_Union(geom)::geography) FROM unit_grids");
        var sum = await Scalar<double>(conn, "SELECT sum(ST_Area(geom::geography)) FROM unit_grids");
        var holes = await Scalar<double>(conn,
            $"SELECT coalesce(ST_Area(ST_Difference({envelope}, ST_Union(geom))::geography), 0) FROM unit_grids");
        Assert.InRange(holes, 0, core * 0.001);           // no gaps inside the core rectangle
        Assert.InRange(sum - union, -1, core * 0.0001);    // the areas add up: nothing counted twice
        Assert.InRange(union, core * 0.999, core * 1.01);  // and nothing much beyond the core
    }

    [Fact]
    public async Task Each_grid_lies_in_its_community_and_each_community_in_its_street_office()
    {
        await using var conn = await OpenAsync();
        var strays = await QueryStrings(conn, """
            SELECT g.code FROM unit_grids g JOIN communities c ON c.code = g.community_code
            WHERE ST_Area(ST_Difference(g.geom, c.geom)::geography) > 1
            """);
        Assert.Empty(strays);
        var communityStrays = await QueryStrings(conn, """
            SELECT c.code FROM communities c JOIN subdistricts s ON s.code = c.subdistrict_code
            WHERE ST_Area(ST_Difference(c.geom, s.geom)::geography) > 1
            """);
        Assert.Empty(communityStrays);
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        return conn;
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> QueryStrings(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }
}
