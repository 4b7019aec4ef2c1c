using CommandCenter.Domain.Geography;
using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Kiosks;

/// <summary>便民服务岗亭 / 城管驿站: a staffed kiosk serving citizens within its service radius.</summary>
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
}
