using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Polygonize;

namespace CommandCenter.CityGen;

/// <summary>
/// Turns linework (roads, rivers, district lines) into the faces of a planar partition of the core
/// rectangle. Works in local metres on a millimetre grid so the noding is robust.
/// </summary>
internal static class GridPolygonizer
{
    /// <summary>Highway classes that bound a 万米单元网格. Footways and service driveways are too fine-grained; *_link ramps only make slivers.</summary>
    public static readonly IReadOnlySet<string> BoundaryHighways = new SortedSet<string>(StringComparer.Ordinal)
    {
        "trunk", "primary", "secondary", "tertiary", "unclassified", "residential", "living_street", "pedestrian",
    };

    public static List<Polygon> Polygonize(IEnumerable<Geometry> linesMeters, Polygon rectMeters)
    {
        var parts = new List<Geometry>();
        foreach (var line in linesMeters)
        {
            if (!line.EnvelopeInternal.Intersects(rectMeters.EnvelopeInternal))
            {
                continue;
            }

            var inside = Geo.Intersection(line, rectMeters, Geo.MeterPrecision);
            parts.AddRange(Geo.Lines(inside));
        }

        // The rectangle boundary closes every block that touches the edge of the core area.
        parts.Add(rectMeters.ExteriorRing);
        var noded = Geo.UnionAll(parts, Geo.Meters, Geo.MeterPrecision);

        var polygonizer = new Polygonizer();
        polygonizer.Add(noded);
        return polygonizer.GetPolygons().Cast<Polygon>().Where(p => p.Area > 0).ToList();
    }

    /// <summary>Roads that bound grids: selected classes, at grade (tunnels and underground layers do not divide blocks).</summary>
    public static bool IsBoundaryRoad(SourceFeature road)
    {
        var hw = road.Tag("highway");
        if (hw is null || !BoundaryHighways.Contains(hw) || road.Tag("tunnel") is "yes")
        {
            return false;
        }

        return !(int.TryParse(road.Tag("layer"), out var layer) && layer < 0);
    }
}
