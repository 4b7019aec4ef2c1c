using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>
/// Equirectangular projection centred on the core area. Over 3 km the scale error is far below a
/// metre, which is plenty for block sizes, buffers and lengths; it also keeps the inverse exact enough
/// that rounding back to 7 decimals recovers the original OSM coordinates.
/// </summary>
internal static class LocalProjection
{
    public const double Lon0 = 118.78;
    public const double Lat0 = 32.044;
    private const double MetersPerDegreeLat = 110574.0;
    private static readonly double MetersPerDegreeLon = Math.Cos(Lat0 * Math.PI / 180.0) * 111320.0;

    public static Coordinate ToMeters(double lon, double lat) =>
        new((lon - Lon0) * MetersPerDegreeLon, (lat - Lat0) * MetersPerDegreeLat);

    public static Coordinate ToLonLat(double x, double y) =>
        new(x / MetersPerDegreeLon + Lon0, y / MetersPerDegreeLat + Lat0);

    /// <summary>Projects a lon/lat geometry into local metres.</summary>
    public static Geometry ToMeters(Geometry g) => Transform(g, Geo.Meters, c => ToMeters(c.X, c.Y));

    /// <summary>Unprojects to lon/lat without rounding (rounding is a separate, validated step).</summary>
    public static Geometry ToLonLat(Geometry g) => Transform(g, Geo.Degrees, c => ToLonLat(c.X, c.Y));

    /// <summary>Unprojects and rounds every vertex to 7 decimals (points and lines only; polygons go through validity-preserving reducers).</summary>
    public static Geometry ToLonLatRounded(Geometry g) => Transform(g, Geo.Degrees, c =>
    {
        var ll = ToLonLat(c.X, c.Y);
        return new Coordinate(Geo.DegreePrecision.MakePrecise(ll.X), Geo.DegreePrecision.MakePrecise(ll.Y));
    });

    public static double LengthMeters(Geometry lonLat) => ToMeters(lonLat).Length;

    public static double AreaMeters(Geometry lonLat) => ToMeters(lonLat).Area;

    private static Geometry Transform(Geometry g, GeometryFactory target, Func<Coordinate, Coordinate> map)
    {
        var copy = target.CreateGeometry(g);
        copy.Apply(new MapFilter(map));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class MapFilter(Func<Coordinate, Coordinate> map) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var c = map(new Coordinate(seq.GetX(i), seq.GetY(i)));
            seq.SetX(i, c.X);
            seq.SetY(i, c.Y);
        }
    }
}
