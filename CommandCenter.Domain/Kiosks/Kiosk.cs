using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Zones;
using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Kiosks;

/// <summary>
/// 便民服务岗亭 / 城管驿站: a staffed kiosk serving citizens within its service radius.
/// <see cref="Hours"/>: "08:00-20:00", several windows "08:00-12:00, 14:00-20:00", rules with days separated by ";"
/// ("mon-fri 08:00-20:00; sat,sun 09:00-17:00"), or "24h".
/// </summary>
public sealed record Kiosk(
    string Id,
    string Name,
    string Kind,
    IReadOnlyList<string> Services,
    string Hours,
    bool Is24h,
    bool HasToilet,
    double RadiusM,
    IReadOnlyList<KioskSupply> Supplies,
    string? Phone,
    Point Location)
{
    public double DistanceMetresTo(Point point) => Geodesy.DistanceMetres(Location.Coordinate, point.Coordinate);

    /// <summary>Open at this local time: around the clock, or inside its hours (closed when the hours cannot be read).</summary>
    public bool IsOpenAt(DateTime local) =>
        Is24h || KioskRules.IsAroundTheClock(Hours)
        || (KioskRules.TryParseHours(Hours, out var hours) && new VendorZoneSchedule(hours, [], [], false).IsOpen(local));
}
