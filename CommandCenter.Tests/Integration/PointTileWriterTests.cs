using CommandCenter.Tests.Support;
using CommandCenter.Web.Features.Tiles;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// Case tiles are encoded in process: the same points and properties encoded by PostGIS (<c>ST_AsMVT</c> over
/// <c>ST_AsMVTGeom</c>) and by <see cref="PointTileWriter"/> decode to the same layer, feature for feature.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class PointTileWriterTests(CommandCenterFactory app) : CityTest(app)
{
    // 新街口 at z16, and the tile holding the whole centre at z11.
    [Theory]
    [InlineData(16, 54_391, 26_604)]
    [InlineData(11, 1_699, 831)]
    public async Task Points_and_properties_decode_the_same_as_st_asmvt(int z, int x, int y)
    {
        var tile = new TileAddress(z, x, y);
        // Around the tile, beyond its buffer too: those points must be left out by both.
        var (w, s, e, n) = tile.Bounds(0.1);
        var random = new Random(12);
        var points = Enumerable.Range(0, 405).Select(i => (
            Lon: w + (e - w) * random.NextDouble(), Lat: s + (n - s) * random.NextDouble(),
            Name: i % 7 == 0 ? null : $"案件 {i % 23}", Count: (long)(i % 5 == 0 ? -i : i * 1_000_003L), Flag: i % 3 == 0)).ToList();

        var writer = new PointTileWriter("cases", tile);
        foreach (var p in points)
        {
            if (writer.BeginPoint(p.Lon, p.Lat))
            {
                writer.Property("name", p.Name);
                writer.Property("count", p.Count);
                writer.Property("flag", p.Flag);
                writer.EndPoint();
            }
        }
        var ours = MvtReader.Read(writer.ToArray());

        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT ST_AsMVT(t, 'cases', 4096, 'tile_geom') FROM (
                SELECT ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326), 3857), ST_TileEnvelope(@z, @x, @y), 4096, 64, true) AS tile_geom,
                       u.name, u.count, u.flag
                FROM unnest(@lon, @lat, @name, @count, @flag) WITH ORDINALITY AS u(lon, lat, name, count, flag, i) ORDER BY u.i
            ) t WHERE tile_geom IS NOT NULL
            """, conn);
        cmd.Parameters.AddWithValue("z", z);
        cmd.Parameters.AddWithValue("x", x);
        cmd.Parameters.AddWithValue("y", y);
        cmd.Parameters.Add(new NpgsqlParameter("lon", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = points.Select(p => p.Lon).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("lat", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = points.Select(p => p.Lat).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("name", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = points.Select(p => p.Name).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("count", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = points.Select(p => p.Count).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("flag", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = points.Select(p => p.Flag).ToArray() });
        var theirs = MvtReader.Read((byte[])(await cmd.ExecuteScalarAsync())!);

        var (mine, postgis) = (Assert.Single(ours), Assert.Single(theirs));
        Assert.Equal((postgis.Name, postgis.Version, postgis.Extent), (mine.Name, mine.Version, mine.Extent));
        // Some points fell outside the buffer and were dropped, most were kept.
        Assert.InRange(postgis.Features.Count, 200, points.Count - 1);
        Assert.Equal(postgis.Features.Count, mine.Features.Count);
        for (var i = 0; i < mine.Features.Count; i++)
        {
            var (a, b) = (mine.Features[i], postgis.Features[i]);
            Assert.Equal(1, a.Type);
            Assert.Equal(b.Type, a.Type);
            Assert.Equal(b.Geometry, a.Geometry);
            Assert.Equal(b.Properties.OrderBy(p => p.Key), a.Properties.OrderBy(p => p.Key));
        }
    }

    [Fact]
    public void A_tile_without_points_is_no_bytes_at_all()
    {
        var writer = new PointTileWriter("cases", new TileAddress(16, 54_391, 26_604));
        Assert.False(writer.BeginPoint(0, 0));
        Assert.Empty(writer.ToArray());
    }
}
