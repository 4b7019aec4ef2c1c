using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace CommandCenter.CityGen;

/// <summary>Shared geometry factories and fixed-precision overlay helpers.</summary>
internal static class Geo
{
    /// <summary>7 decimals of a degree (~1 cm): the precision every output coordinate is rounded to.</summary>
    public static readonly PrecisionModel DegreePrecision = new(1e7);

    /// <summary>Millimetre grid used while working in the local metric projection, so overlays are robust.</summary>
    public static readonly PrecisionModel MeterPrecision = new(1000);

    public static readonly GeometryFactory Degrees = new(DegreePrecision, 4326);
    public static readonly GeometryFactory Meters = new(new PrecisionModel(), 0);

    public static Geometry Intersection(Geometry a, Geometry b, PrecisionModel pm) =>
        OverlayNG.Overlay(a, b, SpatialFunction.Intersection, pm);

    public static Geometry Union(Geometry a, Geometry b, PrecisionModel pm) =>
        OverlayNG.Overlay(a, b, SpatialFunction.Union, pm);

    public static Geometry Difference(Geometry a, Geometry b, PrecisionModel pm) =>
        OverlayNG.Overlay(a, b, SpatialFunction.Difference, pm);

    public static Geometry UnionAll(IEnumerable<Geometry> geometries, GeometryFactory factory, PrecisionModel pm) =>
        UnaryUnionNG.Union(factory.BuildGeometry(geometries.ToList()), pm);

    public static IEnumerable<Polygon> Polygons(Geometry g)
    {
        for (var i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is Polygon p && !p.IsEmpty)
            {
                yield return p;
            }
        }
    }

    public static IEnumerable<LineString> Lines(Geometry g)
    {
        for (var i = 0; i < g.NumGeometries; i++)
        {
            if (g.GetGeometryN(i) is LineString l && !l.IsEmpty)
            {
                yield return l;
            }
        }
    }

    public static IEnumerable<LineString> Rings(Polygon p)
    {
        yield return p.Shell;
        foreach (var h in p.Holes)
        {
            yield return h;
        }
    }

    public static Polygon Box(GeometryFactory f, double minX, double minY, double maxX, double maxY) =>
        f.CreatePolygon(
        [
            new Coordinate(minX, minY), new Coordinate(maxX, minY), new Coordinate(maxX, maxY),
            new Coordinate(minX, maxY), new Coordinate(minX, minY),
        ]);
}
