using CommandCenter.Domain.Kiosks;
using CommandCenter.Domain.Zones;
using System.Runtime.CompilerServices;
using NetTopologySuite.Algorithm;
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

    // Lookups run per request and per case (P3): the grids, street segments and zones sit in fixed cell lattices, so a
    // point's candidates are one array slice; grids (a dozen vertices) are tested with one pass over their rings, with no
    // allocation, where a prepared geometry builds its own segment index on first use.
    private readonly UnitGrid[] _gridByRank;
    private readonly GridRings[] _gridRings;
    private readonly CellIndex _gridCells;
    private readonly DutyGrid?[] _dutyOfGrid;
    private readonly Community?[] _communityOfGrid;
    private readonly Subdistrict?[] _subdistrictOfGrid;
    private readonly STRtree<Indexed<VendorZone>> _zones = new();
    private readonly Indexed<VendorZone>[] _zoneList;
    private readonly CellIndex _zoneCells;
    // Streets are indexed by segment: a long street's envelope would make it a candidate for most points nearby.
    private readonly StreetSegment[] _streetSegments;
    private readonly CellIndex _segmentCells;
    private readonly Dictionary<string, DutyGrid> _dutyGrids;
    private readonly Dictionary<string, Community> _communities;
    private readonly Dictionary<string, Subdistrict> _subdistricts;
    private readonly Dictionary<string, UnitGrid> _gridByCode;
    private readonly IReadOnlyList<Kiosk> _kiosks;
    private readonly int[] _kioskByLat;
    private readonly double[] _kioskLat;

    /// <param name="city">The city's geography.</param>
    /// <param name="schoolGates">School gates for the 100 m rule; null uses <see cref="SchoolGate.StandInsFor"/> the city's banned school zones.</param>
    public GridIndex(CityMap city, IEnumerable<SchoolGate>? schoolGates = null)
    {
        City = city;
        SchoolGates = (schoolGates ?? SchoolGate.StandInsFor(city.VendorZones)).ToList();
        _dutyGrids = city.DutyGrids.ToDictionary(d => d.Code, StringComparer.Ordinal);
        _communities = city.Communities.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _subdistricts = city.Subdistricts.ToDictionary(s => s.Code, StringComparer.Ordinal);
        _gridByCode = new Dictionary<string, UnitGrid>(city.UnitGrids.Count, StringComparer.Ordinal);
        foreach (var grid in city.UnitGrids)
        {
            _gridByCode.TryAdd(grid.Code, grid);
        }

        // Grids in the order an STR-tree over them visits its leaves: a point inside two overlapping grids gets the one
        // the tree-based lookup gave before (each cell lists its grids in ascending rank).
        var tree = new STRtree<UnitGrid>();
        Bounds = new Envelope();
        foreach (var grid in city.UnitGrids)
        {
            tree.Insert(grid.Shape.EnvelopeInternal, grid);
            Bounds.ExpandToInclude(grid.Shape.EnvelopeInternal);
        }
        tree.Build();
        _gridByRank = city.UnitGrids.Count == 0 ? [] : [.. tree.Query(Bounds)];
        _gridRings = [.. _gridByRank.Select(g => new GridRings(g.Shape))];
        _gridCells = new CellIndex([.. _gridByRank.Select(g => g.Shape.EnvelopeInternal)], MeanSide(_gridByRank.Select(g => g.Shape.EnvelopeInternal)));
        _dutyOfGrid = [.. _gridByRank.Select(g => _dutyGrids.GetValueOrDefault(g.DutyGridCode))];
        _communityOfGrid = [.. _gridByRank.Select(g => _communities.GetValueOrDefault(g.CommunityCode))];
        _subdistrictOfGrid = [.. _gridByRank.Select(g => _subdistricts.GetValueOrDefault(g.SubdistrictCode))];

        _zoneList = [.. city.VendorZones.Select(z => new Indexed<VendorZone>(z, PreparedGeometryFactory.Prepare(z.Area)))];
        foreach (var zone in _zoneList)
        {
            _zones.Insert(zone.Item.Area.EnvelopeInternal, zone);
            // Builds the prepared area's point index now, not in the first request that asks (nor in two at once).
            zone.Prepared.Covers(zone.Item.Area.Factory.CreatePoint(zone.Item.Area.EnvelopeInternal.Centre));
        }
        _zones.Build();
        _zoneCells = new CellIndex([.. _zoneList.Select(z => z.Item.Area.EnvelopeInternal)], MeanSide(_zoneList.Select(z => z.Item.Area.EnvelopeInternal)));

        var segments = new List<StreetSegment>();
        foreach (var street in city.Streets)
        {
            for (var g = 0; g < street.Line.NumGeometries; g++)
            {
                var coordinates = street.Line.GetGeometryN(g).Coordinates;
                for (var i = 1; i < coordinates.Length; i++)
                {
                    var (a, b) = (coordinates[i - 1], coordinates[i]);
                    segments.Add(new StreetSegment(street, a.X, a.Y, b.X, b.Y));
                }
            }
        }
        _streetSegments = [.. segments];
        // Cells a little wider than the reach, so a point's reach box covers at most 2×2 of them.
        _segmentCells = new CellIndex([.. _streetSegments.Select(s => s.Envelope)], Geodesy.DegreesLat(2.5 * StreetReachMetres));

        _kiosks = city.Kiosks;
        _kioskByLat = [.. Enumerable.Range(0, _kiosks.Count).OrderBy(i => _kiosks[i].Location.Y).ThenBy(i => i)];
        _kioskLat = [.. _kioskByLat.Select(i => _kiosks[i].Location.Y)];
    }

    /// <summary>The mean side of the envelopes: a cell that size holds about one of them.</summary>
    private static double MeanSide(IEnumerable<Envelope> envelopes)
    {
        var (sum, n) = (0.0, 0);
        foreach (var e in envelopes.Where(e => !e.IsNull))
        {
            (sum, n) = (sum + (e.Width + e.Height) / 2, n + 1);
        }
        return n == 0 || sum <= 0 ? 1e-3 : sum / n;
    }

    public CityMap City { get; }

    /// <summary>The school gates the 100 m no-vending rule is measured from.</summary>
    public IReadOnlyList<SchoolGate> SchoolGates { get; }

    /// <summary>The envelope of all unit grids.</summary>
    public Envelope Bounds { get; }

    /// <summary>The unit grid of a code, or null when the city has none of it.</summary>
    public UnitGrid? GridByCode(string code) => _gridByCode.GetValueOrDefault(code);

    /// <summary>The unit grid containing the point (its boundary included), or null outside the city.</summary>
    public UnitGrid? GridAt(Point point) => GridRankAt(point.Coordinate) is var rank and >= 0 ? _gridByRank[rank] : null;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int GridRankAt(Coordinate p)
    {
        var found = -1;
        foreach (var rank in _gridCells.At(p.X, p.Y))
        {
            var where = _gridRings[rank].Locate(p);
            if (where == Location.Interior)
            {
                return rank;
            }
            // A point exactly on a shared edge is in no interior; give it the lowest code so the answer is stable.
            if (where == Location.Boundary && (found < 0 || string.CompareOrdinal(_gridByRank[rank].Code, _gridByRank[found].Code) < 0))
            {
                found = rank;
            }
        }
        return found;
    }

    /// <summary>Resolves a point to its grid chain, street, vending zone and kiosk; null when it lies outside every unit grid.</summary>
    /// <param name="point">A lon/lat point (EPSG:4326).</param>
    /// <param name="localTime">The city's local time, for vending-zone hours.</param>
    public LocationLookup? Lookup(Point point, DateTime localTime)
    {
        var rank = GridRankAt(point.Coordinate);
        if (rank < 0)
        {
            return null;
        }
        return new LocationLookup(_gridByRank[rank], _dutyOfGrid[rank], _communityOfGrid[rank], _subdistrictOfGrid[rank],
            NearestStreet(point), ZoneAt(point, localTime), NearestKiosk(point));
    }

    /// <summary>The nearest street within <see cref="StreetReachMetres"/> (equal distances: the lower Id).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StreetMatch? NearestStreet(Point point)
    {
        // Metres east/north of the point, in the local equirectangular projection Geodesy.DistanceMetres uses.
        var (ox, oy) = (point.X, point.Y);
        var kx = Geodesy.DegreesToMetresLon(1, oy);
        var ky = Geodesy.DegreesToMetresLat(1);
        Street? best = null;
        var bestDistance = double.PositiveInfinity;
        var reach = Geodesy.Around(point.Coordinate, StreetReachMetres);
        if (!_segmentCells.Touches(reach.MinX, reach.MinY, reach.MaxX, reach.MaxY))
        {
            return null;
        }
        var (c0, r0, c1, r1) = _segmentCells.Cells(reach.MinX, reach.MinY, reach.MaxX, reach.MaxY);
        for (var row = r0; row <= r1; row++)
        {
            for (var col = c0; col <= c1; col++)
            {
                // A segment in several cells is measured again: the same distance to the same street changes nothing.
                foreach (var i in _segmentCells.InCell(col, row))
                {
                    ref readonly var s = ref _streetSegments[i];
                    if (!s.Meets(reach))
                    {
                        continue;
                    }
                    var distance = DistanceToSegment((s.X0 - ox) * kx, (s.Y0 - oy) * ky, (s.X1 - ox) * kx, (s.Y1 - oy) * ky);
                    if (distance <= StreetReachMetres && (best is null || distance < bestDistance
                        || (distance == bestDistance && string.CompareOrdinal(s.Street.Id, best.Id) < 0)))
                    {
                        (best, bestDistance) = (s.Street, distance);
                    }
                }
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
        VendorZone? best = null;
        foreach (var i in _zoneCells.At(point.X, point.Y))
        {
            var zone = _zoneList[i].Item;
            if (zone.Type == VendorZoneType.BikeFence || !zone.Area.EnvelopeInternal.Intersects(point.Coordinate)
                || (best is not null && Outranks(best, zone)) || !_zoneList[i].Prepared.Covers(point))
            {
                continue;
            }
            best = zone;
        }
        return best is null ? null : new ZoneMatch(best, best.IsOpenAt(localTime));
    }

    /// <summary>Whether <paramref name="a"/> wins over <paramref name="b"/> at a point both cover: banned first, then the lower Id.</summary>
    private static bool Outranks(VendorZone a, VendorZone b)
    {
        var (ra, rb) = (a.Type == VendorZoneType.Banned ? 0 : 1, b.Type == VendorZoneType.Banned ? 0 : 1);
        return ra != rb ? ra < rb : string.CompareOrdinal(a.Id, b.Id) < 0;
    }

    /// <summary>Every zone whose area covers the point (boundary included), bike fences too, by Id.</summary>
    public IReadOnlyList<VendorZone> ZonesAt(Point point)
    {
        var found = new List<VendorZone>();
        foreach (var i in _zoneCells.At(point.X, point.Y))
        {
            if (_zoneList[i].Item.Area.EnvelopeInternal.Intersects(point.Coordinate) && _zoneList[i].Prepared.Covers(point))
            {
                found.Add(_zoneList[i].Item);
            }
        }
        found.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return found;
    }

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

    /// <summary>The nearest kiosk by straight-line distance (equal distances: the first listed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public KioskMatch? NearestKiosk(Point point)
    {
        // Outwards from the point's latitude through the kiosks sorted by it: the north-south part alone bounds the
        // distance from below (sqrt(dy²) is |dy| exactly), so the sweep stops once both sides are farther than the best.
        var y = point.Y;
        var at = Array.BinarySearch(_kioskLat, y);
        var hi = at >= 0 ? at : ~at;
        var lo = hi - 1;
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        while (lo >= 0 || hi < _kioskLat.Length)
        {
            var below = lo >= 0 ? y - _kioskLat[lo] : double.PositiveInfinity;
            var above = hi < _kioskLat.Length ? _kioskLat[hi] - y : double.PositiveInfinity;
            var k = below <= above ? lo-- : hi++;
            if (Geodesy.DegreesToMetresLat(Math.Min(below, above)) > bestDistance)
            {
                break;
            }
            var i = _kioskByLat[k];
            var distance = _kiosks[i].DistanceMetresTo(point);
            if (best < 0 || distance < bestDistance || (distance == bestDistance && i < best))
            {
                (best, bestDistance) = (i, distance);
            }
        }
        return best < 0 ? null : new KioskMatch(_kiosks[best], bestDistance, bestDistance <= _kiosks[best].RadiusM);
    }

    private sealed record Indexed<T>(T Item, IPreparedGeometry Prepared);

    // A struct, so the segments of a cell are read from one array rather than chased through the heap.
    private readonly record struct StreetSegment(Street Street, double X0, double Y0, double X1, double Y1)
    {
        public Envelope Envelope => new(X0, X1, Y0, Y1);

        /// <summary>Whether the segment's envelope meets the box (as an STR-tree query over segment envelopes decides).</summary>
        public bool Meets(Envelope box) =>
            Math.Max(X0, X1) >= box.MinX && Math.Min(X0, X1) <= box.MaxX && Math.Max(Y0, Y1) >= box.MinY && Math.Min(Y0, Y1) <= box.MaxY;
    }

    /// <summary>A grid's rings as plain arrays, located the way <see cref="SimplePointInAreaLocator"/> does (same counter, same answers).</summary>
    private sealed class GridRings
    {
        private readonly Coordinate[][] _rings;
        private readonly Envelope[] _envelopes;

        public GridRings(Polygon shape)
        {
            _rings = shape.IsEmpty ? [] : [shape.Shell.Coordinates, .. shape.Holes.Select(h => h.Coordinates)];
            _envelopes = shape.IsEmpty ? [] : [shape.Shell.EnvelopeInternal, .. shape.Holes.Select(h => h.EnvelopeInternal)];
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Location Locate(Coordinate p)
        {
            if (_rings.Length == 0 || !_envelopes[0].Intersects(p))
            {
                return Location.Exterior;
            }
            var shell = LocateInRing(p, _rings[0]);
            if (shell != Location.Interior)
            {
                return shell;
            }
            for (var h = 1; h < _rings.Length; h++)
            {
                if (!_envelopes[h].Intersects(p))
                {
                    continue;
                }
                var hole = LocateInRing(p, _rings[h]);
                if (hole == Location.Boundary)
                {
                    return Location.Boundary;
                }
                if (hole == Location.Interior)
                {
                    return Location.Exterior;
                }
            }
            return Location.Interior;
        }

        /// <summary><see cref="RayCrossingCounter.LocatePointInRing(Coordinate, Coordinate[])"/> step for step, without allocating the counter.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static Location LocateInRing(Coordinate p, Coordinate[] ring)
        {
            var (px, py) = (p.X, p.Y);
            var crossings = 0;
            for (var i = 1; i < ring.Length; i++)
            {
                var (p1, p2) = (ring[i - 1], ring[i]);
                if (p1.X < px && p2.X < px)
                {
                    continue;
                }
                if (px == p2.X && py == p2.Y)
                {
                    return Location.Boundary;
                }
                if (p1.Y == py && p2.Y == py)
                {
                    if (px >= Math.Min(p1.X, p2.X) && px <= Math.Max(p1.X, p2.X))
                    {
                        return Location.Boundary;
                    }
                    continue;
                }
                // An upward edge includes its start and excludes its end, a downward one the other way round.
                if ((p1.Y > py && p2.Y <= py) || (p2.Y > py && p1.Y <= py))
                {
                    var orient = Orientation.Index(p1, p2, p);
                    if (orient == OrientationIndex.Collinear)
                    {
                        return Location.Boundary;
                    }
                    if (p2.Y < p1.Y)
                    {
                        orient = Orientation.ReOrient(orient);
                    }
                    if (orient == OrientationIndex.Left)
                    {
                        crossings++;
                    }
                }
            }
            return crossings % 2 == 1 ? Location.Interior : Location.Exterior;
        }
    }
}
