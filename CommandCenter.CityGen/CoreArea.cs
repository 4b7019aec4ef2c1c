using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>The core rectangle (where OSM roads and buildings are complete) and the basemap clip extent.</summary>
internal static class CoreArea
{
    public const double MinLon = 118.764;
    public const double MaxLon = 118.796;
    public const double MinLat = 32.036;
    public const double MaxLat = 32.052;

    /// <summary>Basemap layers keep this much context around the core so the map edge does not look cut off.</summary>
    public const double BasemapMarginM = 150.0;

    public static Polygon RectDegrees => Geo.Box(Geo.Degrees, MinLon, MinLat, MaxLon, MaxLat);

    public static Polygon RectMeters => (Polygon)LocalProjection.ToMeters(RectDegrees);

    /// <summary>Core rectangle grown by <see cref="BasemapMarginM"/>, corners rounded to 7 decimals.</summary>
    public static Polygon ClipDegrees
    {
        get
        {
            var sw = LocalProjection.ToMeters(MinLon, MinLat);
            var ne = LocalProjection.ToMeters(MaxLon, MaxLat);
            var a = LocalProjection.ToLonLat(sw.X - BasemapMarginM, sw.Y - BasemapMarginM);
            var b = LocalProjection.ToLonLat(ne.X + BasemapMarginM, ne.Y + BasemapMarginM);
            var pm = Geo.DegreePrecision;
            return Geo.Box(Geo.Degrees, pm.MakePrecise(a.X), pm.MakePrecise(a.Y), pm.MakePrecise(b.X), pm.MakePrecise(b.Y));
        }
    }
}
