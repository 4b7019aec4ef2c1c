using NetTopologySuite.Geometries;
using NetTopologySuite.Precision;

namespace CommandCenter.CityGen;

/// <summary>Clips the OSM layers to the core rectangle plus margin and writes basemap/*.geojson.</summary>
internal static class BasemapBuilder
{
    /// <summary>The basemap layers the importer reads, every one of them required.</summary>
    public static readonly IReadOnlyList<string> Layers = ["roads", "water", "waterways", "green", "buildings", "railways"];

    /// <summary>Writes every basemap layer as an empty FeatureCollection (a city without OSM context).</summary>
    public static void WriteEmpty(string outputDir, DataAttribution attribution)
    {
        foreach (var name in Layers)
        {
            GeoJsonFileWriter.Write(Path.Combine(outputDir, "basemap", name + ".geojson"), name, [], attribution);
        }
    }

    public static SortedDictionary<string, int> Write(SourceData src, string outputDir)
    {
        var dir = Path.Combine(outputDir, "basemap");
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        counts["roads"] = WriteLayer(dir, "roads", src.Roads, f => f.Tag("highway"), withRoadExtras: true);
        counts["water"] = WriteLayer(dir, "water", src.Water, f => f.Tag("water") ?? f.Tag("natural"));
        counts["waterways"] = WriteLayer(dir, "waterways", src.Waterways, f => f.Tag("waterway"));
        counts["green"] = WriteLayer(dir, "green", src.Green, f => f.Tag("leisure") ?? f.Tag("landuse") ?? f.Tag("natural"));
        counts["buildings"] = WriteLayer(dir, "buildings", src.Buildings, f => f.Tag("building"));
        counts["railways"] = WriteLayer(dir, "railways", src.Railways, f => f.Tag("railway"), withRoadExtras: true);
        return counts;
    }

    /// <summary>Clips in lon/lat on the 7-decimal grid: the OSM input is already on that grid, so OverlayNG output stays valid without any later rounding.</summary>
    public static Geometry? Clip(Geometry g, Polygon clip)
    {
        if (!g.EnvelopeInternal.Intersects(clip.EnvelopeInternal))
        {
            return null;
        }

        var clipped = Geo.Intersection(g, clip, Geo.DegreePrecision);
        if (g.Dimension == Dimension.Surface)
        {
            clipped = Geo.Degrees.BuildGeometry(Geo.Polygons(clipped).ToList());
            if (!clipped.IsValid)
            {
                clipped = GeometryPrecisionReducer.Reduce(clipped, Geo.DegreePrecision);
            }
        }
        else
        {
            clipped = Geo.Degrees.BuildGeometry(Geo.Lines(clipped).ToList());
        }

        return clipped.IsEmpty ? null : clipped;
    }

    private static int WriteLayer(string dir, string name, IReadOnlyList<SourceFeature> features,
        Func<SourceFeature, string?> kind, bool withRoadExtras = false)
    {
        var clip = CoreArea.ClipDegrees;
        var output = new List<GeoJsonFeature>();
        foreach (var f in features)
        {
            var g = Clip(f.Geometry, clip);
            if (g is null)
            {
                continue;
            }

            output.Add(new GeoJsonFeature(g, w =>
            {
                GeoJsonFileWriter.StringOrNull(w, "name", f.Name);
                GeoJsonFileWriter.StringOrNull(w, "kind", kind(f));
                w.WriteString("osmId", f.OsmId);
                if (withRoadExtras)
                {
                    if (name == "roads")
                    {
                        GeoJsonFileWriter.StringOrNull(w, "nameEn", f.Tag("name:en"));
                    }

                    w.WriteBoolean("tunnel", f.Tag("tunnel") is "yes");
                    w.WriteBoolean("bridge", f.Tag("bridge") is "yes");
                }
            }));
        }

        GeoJsonFileWriter.Write(Path.Combine(dir, name + ".geojson"), name, output);
        return output.Count;
    }
}
