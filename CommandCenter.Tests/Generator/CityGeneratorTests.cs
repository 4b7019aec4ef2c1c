using CommandCenter.CityGen;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Generator;

/// <summary>The demo city is generated from the OSM extract by code: same input, byte-identical output, and what is committed is that output.</summary>
public sealed class CityGeneratorTests : IDisposable
{
    private readonly string _first = Temp();
    private readonly string _second = Temp();

    [Fact]
    public void Generating_twice_gives_byte_identical_files_equal_to_the_committed_gis_data()
    {
        CityGenerator.Generate(RepoPaths.GisSource, _first);
        CityGenerator.Generate(RepoPaths.GisSource, _second);
        var first = FolderHashes.Of(_first);
        Assert.Contains("unit-grids.geojson", first.Keys);
        Assert.Contains("basemap/roads.geojson", first.Keys);
        Assert.Equal(first, FolderHashes.Of(_second));
        Assert.Equal(first, FolderHashes.Of(RepoPaths.GisData));
    }

    public void Dispose()
    {
        Directory.Delete(_first, true);
        Directory.Delete(_second, true);
    }

    private static string Temp() => Directory.CreateTempSubdirectory("cc-gen-").FullName;
}
