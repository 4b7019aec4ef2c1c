using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace CommandCenter.Tests.Support;

/// <summary>Places and zones for the street-order tests: free spots in the demo city, squares around them, zone features to post.</summary>
public static class StreetOrder
{
    /// <summary>
    /// A point well inside the city (40 m around it are unit grids) and at least 150 m from every zone in force, so a small zone
    /// drawn there meets no other zone and no school gate; <paramref name="nth"/> picks another one.
    /// </summary>
    public static async Task<(double Lon, double Lat)> FreeSpotAsync(int nth = 0)
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH city AS (SELECT ST_Union(geom) g FROM unit_grids),
                 spots AS (SELECT code, ST_PointOnSurface(geom) p FROM unit_grids)
            SELECT ST_X(p), ST_Y(p) FROM spots, city
            WHERE NOT EXISTS (SELECT 1 FROM vendor_zones z WHERE z.retired_at IS NULL AND ST_DWithin(z.geom::geography, p::geography, 150))
              AND ST_Covers(city.g, ST_Buffer(p::geography, 40)::geometry)
            ORDER BY code OFFSET @n LIMIT 1
            """, conn);
        cmd.Parameters.AddWithValue("n", nth);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "no free spot in the demo city");
        return (reader.GetDouble(0), reader.GetDouble(1));
    }

    /// <summary>The middle of a zone in force (a point on its surface).</summary>
    public static async Task<(double Lon, double Lat)> InsideZoneAsync(string zoneId)
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM vendor_zones WHERE id = @id) s", conn);
        cmd.Parameters.AddWithValue("id", zoneId);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no zone {zoneId}");
        return (reader.GetDouble(0), reader.GetDouble(1));
    }

    /// <summary>A square ring of about <paramref name="halfSideM"/> metres each way around a point, 7 decimals as the map sends.</summary>
    public static double[][] Square(double lon, double lat, double halfSideM = 12)
    {
        var dLat = halfSideM / 110_574.0;
        var dLon = halfSideM / (111_320.0 * Math.Cos(lat * Math.PI / 180));
        double R(double v) => Math.Round(v, 7);
        return [[R(lon - dLon), R(lat - dLat)], [R(lon + dLon), R(lat - dLat)], [R(lon + dLon), R(lat + dLat)], [R(lon - dLon), R(lat + dLat)], [R(lon - dLon), R(lat - dLat)]];
    }

    /// <summary>A GeoJSON Feature for <c>POST /api/zones</c> with a polygon ring and the given properties.</summary>
    public static object Feature(double[][] ring, object properties) =>
        new { type = "Feature", geometry = new { type = "Polygon", coordinates = new[] { ring } }, properties };

    /// <summary>"HH:mm-HH:mm" from two local times.</summary>
    public static string Window(DateTime from, DateTime to) =>
        $"{from.ToString("HH:mm", CultureInfo.InvariantCulture)}-{to.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>The app's clock in city time (Asia/Shanghai has no daylight saving: UTC+8).</summary>
    public static DateTime LocalNow(CommandCenterFactory app) => app.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime;

    /// <summary>Creates a zone and returns its id; fails the test on a refusal.</summary>
    public static async Task<string> CreateZoneAsync(ApiClient admin, object feature)
    {
        var response = await admin.Http.PostAsJsonAsync("/api/zones", feature);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"creating a zone: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("properties").GetProperty("id").GetString()!;
    }

    /// <summary>Retires the zones a test drew, so the next test finds the city as it was.</summary>
    public static async Task RetireAsync(ApiClient admin, params string[] ids)
    {
        foreach (var id in ids)
        {
            await admin.Http.DeleteAsync($"/api/zones/{id}");
        }
    }
}
