using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Linemerge;

namespace CommandCenter.CityGen;

/// <summary>One named street of the 街巷长制 layer.</summary>
internal sealed record NamedStreet(string Id, string Name, string RoadClass, MultiLineString Geometry, double LengthM)
{
    public string Level => CityGen.RoadClass.ChiefLevel(RoadClass);

    public Person? Chief { get; set; }
}

/// <summary>Merges every named OSM road by name (clipped to the basemap extent) into one street each.</summary>
internal static class StreetChiefBuilder
{
    public static List<NamedStreet> Build(SourceData src)
    {
        var clip = CoreArea.ClipDegrees;
        var byName = new SortedDictionary<string, List<SourceFeature>>(StringComparer.Ordinal);
        foreach (var road in src.Roads)
        {
            if (road.Name is { } name && road.Tag("highway") is not null)
            {
                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                }

                list.Add(road);
            }
        }

        var result = new List<NamedStreet>();
        foreach (var (name, parts) in byName)
        {
            var pieces = parts.Select(p => BasemapBuilder.Clip(p.Geometry, clip)).OfType<Geometry>().ToList();
            if (pieces.Count == 0)
            {
                continue;
            }

            var merger = new LineMerger();
            foreach (var piece in pieces)
            {
                merger.Add(piece);
            }

            // LineMerger's output order is an implementation detail; sort by first vertex for stable files.
            var lines = merger.GetMergedLineStrings().Cast<LineString>()
                .OrderBy(l => l.StartPoint.X).ThenBy(l => l.StartPoint.Y).ThenBy(l => l.NumPoints)
                .ToArray();
            var geometry = Geo.Degrees.CreateMultiLineString(lines);
            var roadClass = parts.Select(p => p.Tag("highway")!).OrderBy(RoadClass.Rank).ThenBy(h => h, StringComparer.Ordinal).First();
            var id = $"S{result.Count + 1:000}";
            result.Add(new NamedStreet(id, name, RoadClass.Base(roadClass), geometry, LocalProjection.LengthMeters(geometry)));
        }

        return result;
    }
}
