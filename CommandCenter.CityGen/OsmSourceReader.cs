using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>One feature of the converted OSM extract, in lon/lat.</summary>
internal sealed class SourceFeature(string osmId, Geometry geometry, Dictionary<string, string> tags)
{
    public string OsmId { get; } = osmId;

    public Geometry Geometry { get; } = geometry;

    public string? Tag(string key) => tags.TryGetValue(key, out var v) && v.Length > 0 ? v : null;

    public string? Name => Tag("name:zh") ?? Tag("name");
}

/// <summary>Reads the gis-source GeoJSON layers (file order is kept: it is the stable source order).</summary>
internal static class OsmSourceReader
{
    public static IReadOnlyList<SourceFeature> Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new List<SourceFeature>();
        foreach (var f in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in f.GetProperty("properties").EnumerateObject())
            {
                tags[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString() ?? string.Empty,
                    JsonValueKind.Null => string.Empty,
                    _ => p.Value.GetRawText(),
                };
            }

            var osmId = $"{tags.GetValueOrDefault("osm_type", "way")}/{tags.GetValueOrDefault("osm_id", "0")}";
            result.Add(new SourceFeature(osmId, ReadGeometry(f.GetProperty("geometry")), tags));
        }

        return result;
    }

    private static Geometry ReadGeometry(JsonElement g)
    {
        var f = Geo.Degrees;
        var c = g.GetProperty("coordinates");
        return g.GetProperty("type").GetString() switch
        {
            "Point" => f.CreatePoint(Coord(c)),
            "LineString" => f.CreateLineString(Coords(c)),
            "MultiLineString" => f.CreateMultiLineString(c.EnumerateArray().Select(l => f.CreateLineString(Coords(l))).ToArray()),
            "Polygon" => Poly(c),
            "MultiPolygon" => f.CreateMultiPolygon(c.EnumerateArray().Select(Poly).ToArray()),
            var t => throw new InvalidDataException($"Unsupported geometry type {t}"),
        };
    }

    private static Polygon Poly(JsonElement rings)
    {
        var all = rings.EnumerateArray().Select(r => Geo.Degrees.CreateLinearRing(Coords(r))).ToArray();
        return Geo.Degrees.CreatePolygon(all[0], all[1..]);
    }

    private static Coordinate[] Coords(JsonElement arr) => arr.EnumerateArray().Select(Coord).ToArray();

    private static Coordinate Coord(JsonElement pos) => new(pos[0].GetDouble(), pos[1].GetDouble());

    public static string Invariant(double v) => v.ToString(CultureInfo.InvariantCulture);
}
