namespace CommandCenter.CityGen;

/// <summary>All OSM layers of gis-source/nanjing-xinjiekou, loaded once.</summary>
internal sealed class SourceData
{
    public required IReadOnlyList<SourceFeature> Roads { get; init; }
    public required IReadOnlyList<SourceFeature> Water { get; init; }
    public required IReadOnlyList<SourceFeature> Waterways { get; init; }
    public required IReadOnlyList<SourceFeature> Green { get; init; }
    public required IReadOnlyList<SourceFeature> Buildings { get; init; }
    public required IReadOnlyList<SourceFeature> Railways { get; init; }
    public required IReadOnlyList<SourceFeature> Landuse { get; init; }
    public required IReadOnlyList<SourceFeature> Pois { get; init; }
    public required IReadOnlyList<SourceFeature> AdminBoundaries { get; init; }
    public required string AdminNamesCsv { get; init; }

    public static SourceData Load(string sourceDir)
    {
        var osm = Path.Combine(sourceDir, "nanjing-xinjiekou");
        IReadOnlyList<SourceFeature> Layer(string name) => OsmSourceReader.Read(Path.Combine(osm, name + ".geojson"));
        return new SourceData
        {
            Roads = Layer("roads"),
            Water = Layer("water"),
            Waterways = Layer("waterways"),
            Green = Layer("green"),
            Buildings = Layer("buildings"),
            Railways = Layer("railways"),
            Landuse = Layer("landuse"),
            Pois = Layer("pois"),
            AdminBoundaries = Layer("admin_boundaries"),
            AdminNamesCsv = Path.Combine(sourceDir, "admin-names", "streets_communities.csv"),
        };
    }
}
