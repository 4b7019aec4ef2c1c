using Npgsql;

namespace CommandCenter.Bench;

/// <summary>Points to report cases at and to look up, read from a city database (repeatable: seeded by PostGIS).</summary>
public static class CityPoints
{
    /// <summary>One point inside each of up to <paramref name="limit"/> unit grids, in grid-code order.</summary>
    public static Task<IReadOnlyList<(double Lon, double Lat)>> InsideGridsAsync(string connectionString, int limit, CancellationToken ct) =>
        PointsAsync(connectionString, "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM unit_grids ORDER BY code LIMIT @n) s", limit, ct);

    /// <summary>One point at random (a fixed seed, so the same each run) inside each of the first <paramref name="limit"/> grids.</summary>
    public static Task<IReadOnlyList<(double Lon, double Lat)>> RandomInsideGridsAsync(string connectionString, int limit, CancellationToken ct) =>
        PointsAsync(connectionString,
            "SELECT ST_X(p), ST_Y(p) FROM (SELECT (ST_Dump(ST_GeneratePoints(geom, 1, 20261203))).geom p FROM unit_grids ORDER BY code LIMIT @n) s", limit, ct);

    private static async Task<IReadOnlyList<(double Lon, double Lat)>> PointsAsync(string connectionString, string sql, int limit, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, db);
        cmd.Parameters.AddWithValue("n", limit);
        var points = new List<(double, double)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            points.Add((r.GetDouble(0), r.GetDouble(1)));
        }
        return points;
    }

    /// <summary>The unit grids' extent: west, south, east, north.</summary>
    public static async Task<(double W, double S, double E, double N)> ExtentAsync(string connectionString, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Extent(geom)::geometry e FROM unit_grids) s", db);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return (r.GetDouble(0), r.GetDouble(1), r.GetDouble(2), r.GetDouble(3));
    }

    public static async Task<long> CountAsync(string connectionString, string table, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM {table}", db);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
