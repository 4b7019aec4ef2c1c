using System.Text.Json.Nodes;
using CommandCenter.Tests.Support;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Integration;

/// <summary>The importer validates every file first: a bad file is rejected with file, feature and field named, and nothing is written.</summary>
[Collection(CityCollection.Name)]
public sealed class CityImporterTests(CommandCenterFactory app) : IDisposable
{
    private const string Grids = "unit-grids.geojson";
    private readonly string _copy = CopyOfCity();

    [Fact]
    public async Task Invalid_geometry_is_rejected()
    {
        // A bow-tie ring crosses itself.
        Mutate(Grids, fc => Feature(fc, 0)["geometry"] = JsonNode.Parse(
            "{\"type\":\"Polygon\",\"coordinates\":[[[118.77,32.04],[118.771,32.041],[118.771,32.04],[118.77,32.041],[118.77,32.04]]]}"));
        var error = await RejectedAsync(e => e.Field == "geometry");
        Assert.Equal(Grids, error.File);
        Assert.Contains("invalid geometry", error.Message);
        Assert.Contains(FirstGridCode(), error.Feature);
    }

    [Fact]
    public async Task Overlapping_grids_are_rejected()
    {
        Mutate(Grids, fc => Feature(fc, 1)["geometry"] = Feature(fc, 0)["geometry"]!.DeepClone());
        var error = await RejectedAsync(e => e.Message.Contains("overlaps grid"));
        Assert.Equal(Grids, error.File);
        Assert.Equal("geometry", error.Field);
    }

    [Fact]
    public async Task A_grid_outside_its_community_is_rejected()
    {
        // Move the first grid onto a grid of another community, keeping its own code and community.
        Mutate(Grids, fc =>
        {
            var first = Feature(fc, 0);
            var community = first["properties"]!["communityCode"]!.GetValue<string>();
            var other = fc["features"]!.AsArray().Skip(1).First(f => f!["properties"]!["communityCode"]!.GetValue<string>() != community)!;
            first["geometry"] = other["geometry"]!.DeepClone();
        });
        var error = await RejectedAsync(e => e.Field == "communityCode" && e.Message.Contains("outside its community"));
        Assert.Contains(FirstGridCode(), error.Feature);
    }

    [Fact]
    public async Task A_malformed_grid_code_is_rejected()
    {
        Mutate(Grids, fc => Feature(fc, 0)["properties"]!["code"] = "32010200300A001");
        var error = await RejectedAsync(e => e.Field == "code");
        Assert.Contains("15", error.Message);
        Assert.Contains("32010200300A001", error.Feature);
    }

    [Fact]
    public async Task A_street_name_longer_than_a_case_keeps_is_rejected_before_any_case_could_fail_on_it()
    {
        Mutate("streets.geojson", fc => Feature(fc, 0)["properties"]!["name"] = new string('路', 101));
        var error = await RejectedAsync(e => e.Field == "name");
        Assert.Equal("streets.geojson", error.File);
        Assert.Contains("100", error.Message);
        Mutate("streets.geojson", fc =>
        {
            Feature(fc, 0)["properties"]!["name"] = "中山东路";
            Feature(fc, 0)["properties"]!["chiefName"] = new string('张', 51);
        });
        Assert.Contains("50", (await RejectedAsync(e => e.Field == "chiefName")).Message);
    }

    [Fact]
    public async Task A_missing_property_is_rejected()
    {
        Mutate("kiosks.geojson", fc => Feature(fc, 0)["properties"]!.AsObject().Remove("radiusM"));
        var error = await RejectedAsync(e => e.Field == "radiusM");
        Assert.Equal("kiosks.geojson", error.File);
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public async Task A_reference_to_an_unknown_department_is_rejected()
    {
        Mutate("categories.json", records => records.AsArray()[0]!["department"] = "no-such-department");
        var error = await RejectedAsync(e => e.Field == "department");
        Assert.Equal("categories.json", error.File);
    }

    [Fact]
    public async Task A_value_longer_than_its_column_is_rejected_before_anything_is_written()
    {
        Mutate("kiosks.geojson", fc => Feature(fc, 0)["properties"]!["id"] = "K-" + new string('9', 40));
        var error = await RejectedAsync(e => e.Field == "id");
        Assert.Equal("kiosks.geojson", error.File);
        Assert.Contains("16", error.Message);
    }

    [Fact]
    public async Task The_unchanged_city_imports_cleanly_again()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CityImporter>().ImportAsync(_copy);
        var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
        Assert.Equal(CountFeatures(Grids), await db.UnitGrids.CountAsync());
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    /// <summary>Runs the importer on the mutated copy, asserts it throws and that the database is exactly as before.</summary>
    private async Task<ImportError> RejectedAsync(Func<ImportError, bool> expected)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
        var before = await Fingerprint(db);
        var importer = scope.ServiceProvider.GetRequiredService<CityImporter>();
        var ex = await Assert.ThrowsAsync<CityImportException>(() => importer.ImportAsync(_copy));
        db.ChangeTracker.Clear();
        Assert.Equal(before, await Fingerprint(db));
        return Assert.Single(ex.Errors.Where(expected).Take(1));
    }

    private static async Task<string> Fingerprint(CommandCenterDb db) =>
        $"{await db.UnitGrids.CountAsync()}/{await db.Kiosks.CountAsync()}/{await db.Categories.CountAsync()}/{await db.BasemapFeatures.CountAsync()}/"
        + string.Join(",", await db.UnitGrids.OrderBy(g => g.Code).Take(3).Select(g => g.Code + ":" + g.AreaM2).ToListAsync());

    private void Mutate(string file, Action<JsonNode> change)
    {
        var path = Path.Combine(_copy, file);
        var node = JsonNode.Parse(File.ReadAllText(path))!;
        change(node);
        File.WriteAllText(path, node.ToJsonString());
    }

    private static JsonNode Feature(JsonNode fc, int index) => fc["features"]!.AsArray()[index]!;

    private static string FirstGridCode() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.GisData, Grids)))!["features"]![0]!["properties"]!["code"]!.GetValue<string>();

    private static int CountFeatures(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.GisData, file)))!["features"]!.AsArray().Count;

    private static string CopyOfCity()
    {
        var target = Path.Combine(Path.GetTempPath(), "cc-city-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(RepoPaths.GisData, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(RepoPaths.GisData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }
}
