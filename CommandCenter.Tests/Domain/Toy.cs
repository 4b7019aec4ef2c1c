using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Zones;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.Domain;

/// <summary>Hand-made points, boxes and zones beside 新街口 for tests that reason in metres.</summary>
public static class Toy
{
    public static readonly GeometryFactory Geo = new(new PrecisionModel(), 4326);

    public static Point P(double lon, double lat) => Geo.CreatePoint(new Coordinate(lon, lat));

    public static Polygon Box(double w, double s, double e, double n) =>
        Geo.CreatePolygon([new(w, s), new(e, s), new(e, n), new(w, n), new(w, s)]);

    /// <summary>The point <paramref name="metres"/> due north (negative: south) of another.</summary>
    public static Point North(Point from, double metres) => P(from.X, from.Y + Geodesy.DegreesLat(metres));

    /// <summary>The point <paramref name="metres"/> due east (negative: west) of another.</summary>
    public static Point East(Point from, double metres) => P(from.X + Geodesy.DegreesLon(metres, from.Y), from.Y);

    /// <summary>A square of <paramref name="sideM"/> metres whose south-west corner is the point.</summary>
    public static Polygon Square(Point southWest, double sideM)
    {
        var ne = North(East(southWest, sideM), sideM);
        return Box(southWest.X, southWest.Y, ne.X, ne.Y);
    }

    public static VendorZone Zone(string id, VendorZoneType type, Geometry area, VendorZoneSchedule? schedule = null, string? school = null) =>
        new(id, id + "示例区", type, schedule ?? (VendorZoneTypes.PermitsVending(type) ? VendorZoneSchedule.Daily("19:00-01:00") : VendorZoneSchedule.Never),
            VendorZoneTypes.PermitsVending(type) ? 20 : 0, VendorZoneTypes.PermitsVending(type) ? VendorZone.DefaultMaxStallAreaM2 : 0,
            "小吃", "王经理", school, area);
}
