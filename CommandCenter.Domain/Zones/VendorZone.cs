using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Zones;

/// <summary>摊贩疏导区 / 禁止区: where street vending is channelled, or forbidden.</summary>
public sealed record VendorZone(
    string Id,
    string Name,
    VendorZoneType Type,
    VendorZoneSchedule Schedule,
    int StallCount,
    double MaxStallAreaM2,
    string Goods,
    string? Manager,
    string? SchoolName,
    Geometry Area)
{
    public bool IsOpenAt(DateTime local) => Type != VendorZoneType.Banned && Schedule.IsOpen(local);
}
