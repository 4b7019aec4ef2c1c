using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>
/// Splits blocks that are much larger than a 万米单元网格: cut straight across the longer side of the
/// envelope at the position that gives the wanted area fraction, recursively. Deterministic (bisection).
/// </summary>
internal static class BlockSplitter
{
    public const double MaxArea = 15000.0;
    public const double TargetArea = 11000.0;

    public static List<GridFace> SplitAll(IEnumerable<GridFace> faces)
    {
        var result = new List<GridFace>();
        foreach (var f in faces)
        {
            foreach (var p in Split(f.Geometry))
            {
                result.Add(new GridFace(p, f.District));
            }
        }

        return result;
    }

    public static IEnumerable<Polygon> Split(Polygon p)
    {
        if (p.Area <= MaxArea)
        {
            return [p];
        }

        // k pieces of about TargetArea; cut off floor(k/2) of them first so odd counts still balance.
        var k = (int)Math.Ceiling(p.Area / TargetArea);
        var fraction = (k / 2) / (double)k;
        var env = p.EnvelopeInternal;
        var vertical = env.Width >= env.Height; // cut across the longer side
        var lo = vertical ? env.MinX : env.MinY;
        var hi = vertical ? env.MaxX : env.MaxY;
        var want = p.Area * fraction;
        for (var iter = 0; iter < 40; iter++)
        {
            var mid = (lo + hi) / 2;
            if (Geo.Intersection(p, LowBox(env, vertical, mid), Geo.MeterPrecision).Area < want)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var cut = Geo.MeterPrecision.MakePrecise((lo + hi) / 2);
        var pieces = Geo.Polygons(Geo.Intersection(p, LowBox(env, vertical, cut), Geo.MeterPrecision))
            .Concat(Geo.Polygons(Geo.Intersection(p, HighBox(env, vertical, cut), Geo.MeterPrecision)))
            .ToList();
        if (pieces.Count < 2)
        {
            return [p]; // degenerate shape; leave it whole rather than loop
        }

        return pieces.SelectMany(Split).ToList();
    }

    private static Polygon LowBox(Envelope e, bool vertical, double at) => vertical
        ? Geo.Box(Geo.Meters, e.MinX - 1, e.MinY - 1, at, e.MaxY + 1)
        : Geo.Box(Geo.Meters, e.MinX - 1, e.MinY - 1, e.MaxX + 1, at);

    private static Polygon HighBox(Envelope e, bool vertical, double at) => vertical
        ? Geo.Box(Geo.Meters, at, e.MinY - 1, e.MaxX + 1, e.MaxY + 1)
        : Geo.Box(Geo.Meters, e.MinX - 1, at, e.MaxX + 1, e.MaxY + 1);
}
