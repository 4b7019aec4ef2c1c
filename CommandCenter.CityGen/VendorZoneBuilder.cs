using NetTopologySuite.Geometries;
using NetTopologySuite.LinearReferencing;
using NetTopologySuite.Operation.Linemerge;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Precision;

namespace CommandCenter.CityGen;

/// <summary>
/// 摊贩疏导区: guided zones are a ~150 m stretch of a real back street (巷) buffered to a 14 m
/// band, placed where they stay clear of every school's 100 m 禁止设摊区.
/// </summary>
internal static class VendorZoneBuilder
{
    public const double SchoolBufferM = 100.0;
    internal const double ZoneHalfWidthM = 7.0;
    private const double ZoneLengthM = 150.0;
    private const double MinZoneLengthM = 80.0;
    private const double MinGapBetweenZonesM = 120.0;
    private const double SafetyMarginM = 3.0;

    /// <summary>Streets tried first because they are known for street life; the rest follow in hash order.</summary>
    private static readonly string[] Preferred = ["石鼓路", "杨公井", "估衣廊", "丰富路", "堂子街", "淮海路", "文昌巷", "罗廊巷"];

    public static List<VendorZone> Build(IReadOnlyList<NamedStreet> streets, IReadOnlyList<School> schools, IReadOnlyList<Person> people, int guidedCount = 14)
    {
        var enforcement = people.Where(p => p.DepartmentCode == "enforcement").ToList();
        var banned = new List<VendorZone>();
        var bannedMeters = new List<Geometry>();
        foreach (var (school, i) in schools.OrderBy(s => s.Name, StringComparer.Ordinal).Select((s, i) => (s, i)))
        {
            var zone = school.SiteMeters.Buffer(SchoolBufferM, 16);
            bannedMeters.Add(zone);
            banned.Add(new VendorZone($"BZ{i + 1:00}", $"{school.Name}周边禁止设摊区", "banned", ToPolygon(zone), [], null, null,
                0, 0.0, "禁止一切摊贩经营", enforcement[i % enforcement.Count].Name, school.Name));
        }

        var bannedUnion = Geo.UnionAll(bannedMeters, Geo.Meters, Geo.MeterPrecision);
        var core = CoreArea.RectMeters;
        var candidates = streets.Where(s => s.RoadClass is "residential" or "living_street")
            .OrderBy(s => Array.IndexOf(Preferred, s.Name) is var p && p >= 0 ? p : Preferred.Length)
            .ThenBy(s => DeterministicHash.Of(s.Name))
            .ToList();

        var guided = new List<VendorZone>();
        var guidedMeters = new List<Geometry>();
        foreach (var street in candidates)
        {
            if (guided.Count >= guidedCount)
            {
                break;
            }

            var zone = PlaceZone(street, core, bannedUnion, guidedMeters);
            if (zone is null)
            {
                continue;
            }

            var type = GuidedZoneType.All[guided.Count % GuidedZoneType.All.Count];
            var lengthM = zone.Value.LengthM;
            guidedMeters.Add(zone.Value.Polygon);
            guided.Add(new VendorZone($"VZ{guided.Count + 1:00}", street.Name + type.Suffix, type.Type, ToPolygon(zone.Value.Polygon),
                type.Windows, type.From, type.To, StallCount(street.Name, lengthM, type.MetersPerStall), 2.0, type.Goods,
                street.Chief?.Name ?? enforcement[0].Name, null));
        }

        if (guided.Count < 12)
        {
            throw new InvalidOperationException($"Only {guided.Count} guided vendor zones fit outside the school zones");
        }

        OutputValidator.ValidateNoIntersection("vendor zones", guided.Select(z => (z.Id, (Geometry)z.Geometry)),
            banned.Select(z => (z.Id, (Geometry)z.Geometry)).ToList());
        return guided.Concat(banned).ToList();
    }

    /// <summary>Slides a window along the street's longest in-core piece until the band is clear of schools and other zones.</summary>
    private static (Polygon Polygon, double LengthM)? PlaceZone(NamedStreet street, Polygon core, Geometry banned, List<Geometry> existing)
    {
        var inCore = Geo.Intersection(LocalProjection.ToMeters(street.Geometry), core, Geo.MeterPrecision);
        var merger = new LineMerger();
        merger.Add(inCore);
        var line = merger.GetMergedLineStrings().Cast<LineString>()
            .OrderByDescending(l => l.Length).ThenBy(l => l.StartPoint.X).FirstOrDefault();
        if (line is null || line.Length < MinZoneLengthM)
        {
            return null;
        }

        var length = Math.Min(ZoneLengthM, line.Length);
        var indexed = new LengthIndexedLine(line);
        var centre = (line.Length - length) / 2;
        var buffer = new BufferParameters { EndCapStyle = EndCapStyle.Flat, QuadrantSegments = 4 };
        for (var step = 0; step <= 20; step++)
        {
            // Try the middle of the street first, then alternately further towards each end.
            var offset = centre + ((step % 2 == 0 ? 1 : -1) * ((step + 1) / 2) * 15.0);
            if (offset < 0 || offset + length > line.Length + 1e-6)
            {
                continue;
            }

            var piece = indexed.ExtractLine(offset, offset + length);
            if (piece.Buffer(ZoneHalfWidthM, buffer) is not Polygon zone || !core.Contains(zone) ||
                zone.Distance(banned) < SafetyMarginM || existing.Any(e => e.Distance(zone) < MinGapBetweenZonesM))
            {
                continue;
            }

            return (zone, length);
        }

        return null;
    }

    /// <summary>One stall per few metres of kerb, minus a few for driveways and doorways (varies per street).</summary>
    internal static int StallCount(string street, double lengthM, double metersPerStall) =>
        Math.Max(4, (int)(lengthM / metersPerStall) - DeterministicHash.Range("stalls/" + street, 0, 6));

    /// <summary>Back to lon/lat on the 7-decimal grid, staying a valid single polygon.</summary>
    internal static Polygon ToPolygon(Geometry meters)
    {
        var reduced = GeometryPrecisionReducer.Reduce(LocalProjection.ToLonLat(meters), Geo.DegreePrecision);
        return reduced as Polygon ?? throw new InvalidOperationException("Vendor zone is not a single polygon after rounding");
    }
}
