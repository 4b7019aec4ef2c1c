using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Npgsql;

namespace CommandCenter.Tests.Integration;

/// <summary>案件编号 come from the day's counter: under concurrency they are unique and gap-free.</summary>
[Collection(CityCollection.Name)]
public sealed class CaseNumberingTests(CommandCenterFactory app) : CityTest(app)
{
    public override Task InitializeAsync() => App.ForgetCasesAsync();

    [Fact]
    public async Task Eight_concurrent_clients_registering_500_cases_each_get_unique_gap_free_numbers()
    {
        const int clients = 8, perClient = 500;
        var points = await PointsAsync(400);
        var desks = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => ApiClient.SignInAsync(App, "intake")));
        var numbers = await Task.WhenAll(desks.Select(async (desk, c) =>
        {
            var mine = new List<string>();
            for (var i = 0; i < perClient; i++)
            {
                var (lon, lat) = points[(c * perClient + i) % points.Count];
                var response = await desk.Http.PostAsJsonAsync("/api/cases", new { lon, lat, category = "20201", description = $"并发登记 {c}-{i}", source = "12345" });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                mine.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
            }
            return mine;
        }));

        var all = numbers.SelectMany(n => n).ToList();
        Assert.Equal(clients * perClient, all.Distinct().Count());
        var day = App.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.All(all, n => Assert.StartsWith(day, n));
        // Gap-free: the day's numbers are exactly 1 … N (the class started with no cases).
        var sequence = all.Select(n => int.Parse(n[8..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, clients * perClient), sequence);
        // Each client saw its own numbers rise: a later registration never gets a smaller number.
        Assert.All(numbers, mine => Assert.Equal(mine.Order(StringComparer.Ordinal), mine));
    }

    /// <summary>Points spread over the city: one inside each of the first <paramref name="count"/> unit grids.</summary>
    private static async Task<List<(double Lon, double Lat)>> PointsAsync(int count)
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) p FROM unit_grids ORDER BY code LIMIT @n) s", conn);
        cmd.Parameters.AddWithValue("n", count);
        var points = new List<(double, double)>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            points.Add((reader.GetDouble(0), reader.GetDouble(1)));
        }
        return points;
    }
}
