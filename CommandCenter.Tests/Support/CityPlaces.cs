using Npgsql;

namespace CommandCenter.Tests.Support;

/// <summary>Places of the demo city that tests report at, read from the tests' PostGIS database.</summary>
public static class CityPlaces
{
    /// <summary>A point on the street's line (the one nearest its centroid), shifted along it by <paramref name="nth"/> steps of about 10 m.</summary>
    public static async Task<(double Lon, double Lat)> OnStreetAsync(string streetId, int nth = 0)
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT ST_X(p), ST_Y(p) FROM (
              SELECT ST_LineInterpolatePoint(l, LEAST(0.95, 0.5 + @n * 10.0 / GREATEST(ST_Length(l::geography), 20))) p
              FROM (SELECT d.geom l FROM streets s, LATERAL ST_Dump(ST_LineMerge(s.geom)) d WHERE s.id = @id ORDER BY ST_Length(d.geom) DESC LIMIT 1) x) q
            """, conn);
        cmd.Parameters.AddWithValue("id", streetId);
        cmd.Parameters.AddWithValue("n", nth);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no street {streetId}");
        return (reader.GetDouble(0), reader.GetDouble(1));
    }
}
