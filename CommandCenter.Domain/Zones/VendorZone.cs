using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Zones;

/// <summary>摊贩疏导区 / 禁摆区 / 电子围栏: where street vending is channelled or forbidden, or where shared bikes park.</summary>
/// <param name="Id">Stable code, e.g. VZ03 / BZ01.</param>
/// <param name="Name">Display name.</param>
/// <param name="Type">What kind of zone.</param>
/// <param name="Schedule">When vending is permitted (<see cref="VendorZoneSchedule.Never"/> for banned zones and fences).</param>
/// <param name="StallCount">Numbered stalls (0 when none).</param>
/// <param name="MaxStallAreaM2">Largest area one stall may take.</param>
/// <param name="Goods">Allowed goods (free text).</param>
/// <param name="Manager">Who runs or patrols it.</param>
/// <param name="SchoolName">The school a banned zone protects.</param>
/// <param name="Capacity">Bikes a <see cref="VendorZoneType.BikeFence"/> holds.</param>
/// <param name="Operator">The bike-share operator of a fence (美团, 哈啰 ...).</param>
/// <param name="BannedGoods">Goods not allowed (free text), e.g. 油炸食品.</param>
/// <param name="Area">Polygon or multipolygon, lon/lat.</param>
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
    Geometry Area,
    int? Capacity = null,
    string? Operator = null,
    string? BannedGoods = null)
{
    /// <summary>≤ 2 m² per stall (合肥, domain.md §7.6).</summary>
    public const double DefaultMaxStallAreaM2 = 2.0;

    /// <summary>Vending is permitted here now: a vending type inside its hours.</summary>
    public bool IsOpenAt(DateTime local, IReadOnlySet<DateOnly>? publicHolidays = null) =>
        VendorZoneTypes.PermitsVending(Type) && Schedule.IsOpen(local, publicHolidays);
}
