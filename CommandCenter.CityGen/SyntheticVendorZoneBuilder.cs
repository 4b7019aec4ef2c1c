using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Buffer;

namespace CommandCenter.CityGen;

/// <summary>
/// Vendor zones of the synthetic city, each a small polygon strictly inside one unit grid: one in five is a
/// 禁止设摊区 around an invented school (the grid shrunk to 60 % about its centre), the rest are guided
/// 摊贩疏导区 bands (14 m × 60 m) cycling through the demo city's types. No two zones share a grid or sit in
/// neighbouring grids, so zones of conflicting types never overlap or touch.
/// </summary>
internal static class SyntheticVendorZoneBuilder
{
    public const double BannedShare = 0.2;
    private const double SchoolScale = 0.6;
    private static readonly double[] BandLengthsM = [60.0, 40.0];

    public static List<VendorZone> Build(SyntheticAdmin admin, NearestStreetIndex streets, IReadOnlyList<Person> people,
        SyntheticPlaceNames places, int seed, int count)
    {
        var enforcement = people.Where(p => p.DepartmentCode == "enforcement").ToList();
        var bannedCount = (int)Math.Round(count * BannedShare, MidpointRounding.AwayFromZero);
        var hosts = admin.Grids.OrderBy(g => DeterministicHash.Of($"{seed}/zone-host/{g.Code}")).ThenBy(g => g.Code, StringComparer.Ordinal);
        var blocked = new HashSet<int>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var banned = new List<VendorZone>();
        var guided = new List<VendorZone>();
        foreach (var grid in hosts)
        {
            if (banned.Count + guided.Count >= count)
            {
                break;
            }

            if (blocked.Contains(grid.Index))
            {
                continue;
            }

            VendorZone? zone;
            if (banned.Count < bannedCount)
            {
                var school = places.School(grid.Code);
                zone = new VendorZone($"BZ{banned.Count + 1:000}", $"{school}周边禁止设摊区", "banned", Shrunk(grid), [], null, null,
                    0, 0.0, "禁止一切摊贩经营", enforcement[banned.Count % enforcement.Count].Name, school);
                banned.Add(zone);
            }
            else
            {
                var type = GuidedZoneType.All[guided.Count % GuidedZoneType.All.Count];
                var alongX = DeterministicHash.Pick($"{seed}/zone-axis/{grid.Code}", 2) == 0;
                if (Band(grid, alongX) is not { } band)
                {
                    continue;
                }

                var street = streets.Nearest(grid.CentroidM)[0].Street;
                var name = street.Name + type.Suffix;
                for (var n = 2; !names.Add(name); n++)
                {
                    name = $"{street.Name}{n}号{type.Suffix}";
                }

                zone = new VendorZone($"VZ{guided.Count + 1:000}", name, type.Type, band.Polygon, type.Windows, type.From, type.To,
                    VendorZoneBuilder.StallCount(name, band.LengthM, type.MetersPerStall), 2.0, type.Goods,
                    street.Chief?.Name ?? enforcement[0].Name, null);
                guided.Add(zone);
            }

            blocked.Add(grid.Index);
            blocked.UnionWith(admin.Adjacency.Neighbours(grid.Index).Keys);
        }

        if (banned.Count + guided.Count < count)
        {
            throw new InvalidOperationException($"Only {banned.Count + guided.Count} of {count} vendor zones found a free grid");
        }

        return guided.Concat(banned).ToList();
    }

    /// <summary>The grid scaled about its centroid: inside it, because the lattice cells are star-shaped around their centre.</summary>
    private static Polygon Shrunk(UnitGrid grid)
    {
        var c = grid.CentroidM;
        var ring = ((Polygon)LocalProjection.ToMeters(grid.Geometry)).Shell.Coordinates
            .Select(p => new Coordinate(c.X + (SchoolScale * (p.X - c.X)), c.Y + (SchoolScale * (p.Y - c.Y))))
            .ToArray();
        var zone = VendorZoneBuilder.ToPolygon(Geo.Meters.CreatePolygon(ring));
        return grid.Geometry.Contains(zone) ? zone : throw new InvalidOperationException($"School zone leaves grid {grid.Code}");
    }

    /// <summary>A 14 m band through the grid's centre, west–east or south–north; shorter if the long one does not fit.</summary>
    private static (Polygon Polygon, double LengthM)? Band(UnitGrid grid, bool alongX)
    {
        var c = grid.CentroidM;
        var buffer = new BufferParameters { EndCapStyle = EndCapStyle.Flat, QuadrantSegments = 4 };
        foreach (var length in BandLengthsM)
        {
            var (dx, dy) = alongX ? (length / 2, 0.0) : (0.0, length / 2);
            var axis = Geo.Meters.CreateLineString([new Coordinate(c.X - dx, c.Y - dy), new Coordinate(c.X + dx, c.Y + dy)]);
            var zone = VendorZoneBuilder.ToPolygon(axis.Buffer(VendorZoneBuilder.ZoneHalfWidthM, buffer));
            if (grid.Geometry.Contains(zone))
            {
                return (zone, length);
            }
        }

        return null;
    }
}
