using CommandCenter.Domain.Kiosks;
using CommandCenter.Domain.Zones;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace CommandCenter.Domain.Geography;

/// <summary>
/// In-memory spatial index of the city (STR-trees over the grids, street segments and prepared zone areas) answering
/// "what is here?" for a lon/lat point without a database round trip.
/// </summary>
public sealed class GridIndex
{
    /// <summary>How far a point may be from a street's centre line and still belong to it.</summary>
    public const double StreetReachMetres = 30;

    /// <summary>How far a bike-parking case may be from a fence and still snap to it.</summary>
    public const double BikeFenceReachMetres = 200;

    // Grids are small polygons (a dozen vertices): one pass over the ring answers inside/on/outside with no allocation,
    // where a prepared geometry builds its own segment index on first use, which at 20,000 grids nearly every lookup paid (P3).
    private readonly STRtree<UnitGrid> _grids = new();
    private readonly STRtree<Indexed<VendorZone>> _zones = new();
    // Streets are indexed by segment: a long street's envelope would make it a candidate for most points nearby.
    private readonly STRtree<StreetSegment> _streetSegments = new();
    private readonly Dictionary<string, DutyGrid> _dutyGrids;
    private readonly Dictionary<string, Community> _communities;
    private readonly Dictionary<string, Subdistrict> _subdistricts;
    private readonly IReadOnlyList<Kiosk> _kiosks;

    /// <param name="city">The city's geography.</param>
    /// <param name="schoolGates">School gates for the 100 m rule; null uses <see cref="SchoolGate.StandInsFor"/> the city's banned school zones.</param>
    public GridIndex(CityMap city, IEnumerable<SchoolGate>? schoolGates = null)
    {
        City = city;
        SchoolGates = (schoolGates ?? SchoolGate.StandInsFor(city.VendorZones)).ToList();
        foreach (var grid in city.UnitGrids)
        {
            _grids.Insert(grid.Shape.EnvelopeInternal, grid);
        }
        foreach (var zone in city.VendorZones)
        {
            _zones.Insert(zone.Area.EnvelopeInternal, new Indexed<VendorZone>(zone, PreparedGeometryFactory.Prepare(zone.Area)));
        }
        foreach (var street in city.Streets)
        {
            for (var g = 0; g < street.Line.NumGeometries; g++)
            {
                var coordinates = street.Line.GetGeometryN(g).Coordinates;
                for (var i = 1; i < coordinates.Length; i++)
                {
                    var (a, b) = (coordinates[i - 1], coordinates[i]);
                    _streetSegments.Insert(new Envelope(a, b), new StreetSegment(street, a.X, a.Y, b.X, b.Y));
                }
            }
        }
        _grids.Build();
        _zones.Build();
        _streetSegments.Build();
        _dutyGrids = city.DutyGrids.ToDictionary(d => d.Code, StringComparer.Ordinal);
        _communities = city.Communities.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _subdistricts = city.Subdistricts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        _kiosks = city.Kiosks;
        Bounds = new Envelope();
        foreach (var grid in city.UnitGrids)
        {
            Bounds.ExpandToInclude(grid.Shape.EnvelopeInternal);
        }
    }

    public CityMap City { get; }

    /// <summary>The school gates the 100 m no-vending rule is measured from.</summary>
    public IReadOnlyList<SchoolGate> SchoolGates { get; }

    /// <summary>The envelope of all unit grids.</summary>
    public Envelope Bounds { get; }

    /// <summary>The unit grid containing the point (its boundary included), or null outside the city.</summary>
    public UnitGrid? GridAt(Point point)
    {
        UnitGrid? found = null;
        foreach (var candidate in _grids.Query(point.EnvelopeInternal))
        {
            var where = SimplePointInAreaLocator.Locate(point.Coordinate, candidate.Shape);
            if (where == Location.Interior)
            {
                return candidate;
            }
            // A point exactly on a shared edge is in no interior; give it the lowest code so the answer is stable.
            if (where == Location.Boundary && (found is null || string.CompareOrdinal(candidate.Code, found.Code) < 0))
            {
                found = candidate;
            }
        }
        return found;
    }

    /// <summary>Resolves a point to its grid chain, street, vending zone and kiosk; null when it lies outside every unit grid.</summary>
    /// <param name="point">A lon/lat point (EPSG:4326).</param>
    /// <param name="localTime">The city's local time, for vending-zone hours.</param>
    public LocationLookup? Lookup(Point point, DateTime localTime)
    {
        var grid = GridAt(point);
        if (grid is null)
        {
            return null;
        }
        _dutyGrids.TryGetValue(grid.DutyGridCode, out var duty);
        _communities.TryGetValue(grid.CommunityCode, out var community);
        _subdistricts.TryGetValue(grid.SubdistrictCode, out var subdistrict);
        return new LocationLookup(grid, duty, community, subdistrict, NearestStreet(point), ZoneAt(point, localTime), NearestKiosk(point));
    }

    /// <summary>The nearest street within <see cref="StreetReachMetres"/> (equal distances: the lower Id).</summary>
    public StreetMatch? NearestStreet(Point point)
    {
        // Metres east/north of the point, in the local equirectangular projection Geodesy.DistanceMetres uses.
        var (ox, oy) = (point.X, point.Y);
        var kx = Geodesy.DegreesToMetresLon(1, oy);
        var ky = Geodesy.DegreesToMetresLat(1);
        Street? best = null;
        var bestDistance = double.PositiveInfinity;
        foreach (var s in _streetSegments.Query(Geodesy.Around(point.Coordinate, StreetReachMetres)))
        {
            var distance = DistanceToSegment((s.X0 - ox) * kx, (s.Y0 - oy) * ky, (s.X1 - ox) * kx, (s.Y1 - oy) * ky);
            if (distance <= StreetReachMetres && (best is null || distance < bestDistance
                || (distance == bestDistance && string.CompareOrdinal(s.Street.Id, best.Id) < 0)))
            {
                (best, bestDistance) = (s.Street, distance);
            }
        }
        return best is null ? null : new StreetMatch(best, bestDistance);
    }

    /// <summary>Distance from the origin to the segment (ax, ay)–(bx, by).</summary>
    private static double DistanceToSegment(double ax, double ay, double bx, double by)
    {
        var (dx, dy) = (bx - ax, by - ay);
        var length2 = dx * dx + dy * dy;
        var t = length2 == 0 ? 0 : Math.Clamp(-(ax * dx + ay * dy) / length2, 0, 1);
        var (px, py) = (ax + t * dx, ay + t * dy);
        return Math.Sqrt(px * px + py * py);
    }

    /// <summary>The vending zone containing the point; a banned zone wins over a guided one. Bike fences are not vending zones.</summary>
    public ZoneMatch? ZoneAt(Point point, DateTime localTime)
    {
        var zones = ZonesAt(point)
            .Where(z => z.Type != VendorZoneType.BikeFence)
            .OrderBy(z => z.Type == VendorZoneType.Banned ? 0 : 1)
            .ThenBy(z => z.Id, StringComparer.Ordinal)
            .ToList();
        return zones.Count == 0 ? null : new ZoneMatch(zones[0], zones[0].IsOpenAt(localTime));
    }

    /// <summary>Every zone whose area covers the point (boundary included), bike fences too, by Id.</summary>
    public IReadOnlyList<VendorZone> ZonesAt(Point point) =>
        _zones.Query(point.EnvelopeInternal)
            .Where(z => z.Prepared.Covers(point))
            .Select(z => z.Item)
            .OrderBy(z => z.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>The school gates within <paramref name="metres"/> of the point, nearest first.</summary>
    public IReadOnlyList<SchoolGateMatch> SchoolGatesNear(Point point, double metres = ZoneCheck.SchoolGateDistanceM) =>
        SchoolGates
            .Select(g => new SchoolGateMatch(g, Geodesy.DistanceMetres(point.Coordinate, g.Location.Coordinate)))
            .Where(m => m.DistanceM <= metres)
            .OrderBy(m => m.DistanceM).ThenBy(m => m.Gate.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The zone rules for a street-vending case at the point and local time (see <see cref="ZoneCheck.Decide"/>).</summary>
    public ZoneCheck CheckZone(Point point, DateTime localTime, IReadOnlySet<DateOnly>? publicHolidays = null) =>
        ZoneCheck.Decide(point, localTime, ZonesAt(point), SchoolGatesNear(point).Select(m => m.Gate), publicHolidays);

    /// <summary>The nearest bike fence within <paramref name="metres"/> (0 m when the point is inside it), for snapping 0506 cases.</summary>
    public BikeFenceMatch? NearestBikeFence(Point point, double metres = BikeFenceReachMetres)
    {
        BikeFenceMatch? best = null;
        foreach (var candidate in _zones.Query(Geodesy.Around(point.Coordinate, metres)))
        {
            var fence = candidate.Item;
            if (fence.Type != VendorZoneType.BikeFence)
            {
                continue;
            }
            var distance = candidate.Prepared.Covers(point) ? 0 : Geodesy.DistanceMetres(point, fence.Area);
            if (distance <= metres && (best is null || distance < best.DistanceM
                || (distance == best.DistanceM && string.CompareOrdinal(fence.Id, best.Fence.Id) < 0)))
            {
                best = new BikeFenceMatch(fence, distance, fence.Capacity ?? 0);
            }
        }
        return best;
    }

    /// <summary>The nearest kiosk by straight-line distance.</summary>
    public KioskMatch? NearestKiosk(Point point)
    {
        KioskMatch? best = null;
        foreach (var kiosk in _kiosks)
        {
            var distance = kiosk.DistanceMetresTo(point);
            if (best is null || distance < best.DistanceM)
            {
                best = new KioskMatch(kiosk, distance, distance <= kiosk.RadiusM);
            }
        }
        return best;
    }

    private sealed record Indexed<T>(T Item, IPreparedGeometry Prepared);

    private sealed record StreetSegment(Street Street, double X0, double Y0, double X1, double Y1);
}
