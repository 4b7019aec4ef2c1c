using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Zones;

/// <summary>校门: a school gate; no vending within 100 m of it (合肥 禁止区, domain.md §7.6).</summary>
public sealed record SchoolGate(string Name, Point Location)
{
    /// <summary>
    /// Stand-in gates for the banned zones built around schools (those with a <see cref="VendorZone.SchoolName"/>):
    /// OSM has no gates in the demo city, so each zone's centre stands for its school (the centroid, or a point inside
    /// when the centroid falls outside). The banned zone itself already covers 100 m around the whole school site.
    /// </summary>
    public static IReadOnlyList<SchoolGate> StandInsFor(IEnumerable<VendorZone> zones) =>
        zones.Where(z => z.Type == VendorZoneType.Banned && !string.IsNullOrWhiteSpace(z.SchoolName) && !z.Area.IsEmpty)
            .OrderBy(z => z.Id, StringComparer.Ordinal)
            .Select(z => new SchoolGate(z.SchoolName!, z.Area.Centroid is var c && z.Area.Covers(c) ? c : z.Area.InteriorPoint))
            .ToList();
}
