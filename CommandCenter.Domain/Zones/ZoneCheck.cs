using CommandCenter.Domain.Geography;
using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Zones;

/// <summary>
/// The zone rules for a street-vending case at its point and time (carried by the case as zoneCheck).
/// <see cref="ZoneId"/> names the zone the verdict rests on (the banned zone, else the vending zone, else a controlled zone);
/// <see cref="SchoolName"/> is the school protected (by the banned zone or the gate); <see cref="SchoolDistanceM"/> is set
/// when a school gate within 100 m made it banned.
/// </summary>
public sealed record ZoneCheck(
    string? ZoneId,
    string? ZoneName,
    VendorZoneType? Type,
    bool OpenNow,
    ZoneVerdict Verdict,
    string? SchoolName = null,
    double? SchoolDistanceM = null)
{
    /// <summary>No vending within this distance of a school gate (合肥 禁止区, domain.md §7.6).</summary>
    public const double SchoolGateDistanceM = 100.0;

    /// <summary>Banned: the case is enforced with raised priority.</summary>
    public bool RaisesPriority => Verdict == ZoneVerdict.Banned;

    /// <summary>Permitted: routed as management (a stall in its zone and hours), not as enforcement.</summary>
    public bool IsManagement => Verdict == ZoneVerdict.Permitted;

    /// <summary>
    /// Decides the verdict: inside a banned zone, or within <see cref="SchoolGateDistanceM"/> of a school gate → Banned;
    /// inside a vending zone open now → Permitted; otherwise Outside (a controlled zone, or a vending zone out of hours,
    /// is named but changes nothing). Bike fences are ignored.
    /// </summary>
    /// <param name="point">The case location (lon/lat).</param>
    /// <param name="local">City local time of the report.</param>
    /// <param name="zonesContaining">The zones whose area covers the point (from the index or the database).</param>
    /// <param name="schoolGates">School gates near the point (those further than 100 m are ignored, so all gates may be passed).</param>
    /// <param name="publicHolidays">For zones closed on public holidays.</param>
    public static ZoneCheck Decide(Point point, DateTime local, IEnumerable<VendorZone> zonesContaining, IEnumerable<SchoolGate> schoolGates,
        IReadOnlySet<DateOnly>? publicHolidays = null)
    {
        var zones = zonesContaining.Where(z => z.Type != VendorZoneType.BikeFence).OrderBy(z => z.Id, StringComparer.Ordinal).ToList();
        var gate = schoolGates
            .Select(g => (Gate: g, DistanceM: Geodesy.DistanceMetres(point.Coordinate, g.Location.Coordinate)))
            .Where(g => g.DistanceM <= SchoolGateDistanceM)
            .OrderBy(g => g.DistanceM).ThenBy(g => g.Gate.Name, StringComparer.Ordinal)
            .Select(g => ((SchoolGate Gate, double DistanceM)?)g)
            .FirstOrDefault();
        var banned = zones.FirstOrDefault(z => z.Type == VendorZoneType.Banned);
        var open = zones.FirstOrDefault(z => z.IsOpenAt(local, publicHolidays));
        var named = banned ?? open
            ?? zones.FirstOrDefault(z => VendorZoneTypes.PermitsVending(z.Type))
            ?? zones.FirstOrDefault(z => z.Type == VendorZoneType.Controlled);
        var verdict = banned is not null || gate is not null ? ZoneVerdict.Banned
            : open is not null ? ZoneVerdict.Permitted
            : ZoneVerdict.Outside;
        return new ZoneCheck(named?.Id, named?.Name, named?.Type, named?.IsOpenAt(local, publicHolidays) ?? false, verdict,
            gate?.Gate.Name ?? banned?.SchoolName, gate is { } g ? Math.Round(g.DistanceM, 1) : null);
    }
}
