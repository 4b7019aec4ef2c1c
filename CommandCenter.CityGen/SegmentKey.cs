using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>Direction-independent key of a straight segment, for exact shared-edge lookups.</summary>
internal readonly record struct SegmentKey(double X1, double Y1, double X2, double Y2)
{
    public static SegmentKey Of(Coordinate a, Coordinate b) =>
        a.CompareTo(b) <= 0 ? new SegmentKey(a.X, a.Y, b.X, b.Y) : new SegmentKey(b.X, b.Y, a.X, a.Y);

    public static IEnumerable<(SegmentKey Key, Coordinate A, Coordinate B)> Of(Polygon p)
    {
        foreach (var ring in Geo.Rings(p))
        {
            var cs = ring.Coordinates;
            for (var i = 0; i + 1 < cs.Length; i++)
            {
                if (!cs[i].Equals2D(cs[i + 1]))
                {
                    yield return (Of(cs[i], cs[i + 1]), cs[i], cs[i + 1]);
                }
            }
        }
    }

    public double LengthMeters()
    {
        var a = LocalProjection.ToMeters(X1, Y1);
        var b = LocalProjection.ToMeters(X2, Y2);
        return a.Distance(b);
    }
}
