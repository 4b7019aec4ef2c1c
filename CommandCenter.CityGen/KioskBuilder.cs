using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace CommandCenter.CityGen;

internal sealed record KioskSupply(string Item, int Stock, int Threshold);

internal sealed record Kiosk(
    string Id, string Name, string Kind, Point Location, IReadOnlyList<string> Services, string Hours, bool Is24h,
    bool HasToilet, int RadiusM, IReadOnlyList<KioskSupply> Supplies, string Phone);

/// <summary>
/// 便民服务岗亭 / 城管驿站 at real places: anchored on a named OSM POI (metro entrance, landmark) or
/// the middle of a named street, then moved onto the pavement 9 m beside the nearest road.
/// </summary>
internal static class KioskBuilder
{
    private sealed record Anchor(string Name, string Kind, string? Poi, string? Road, bool Is24h, bool HasToilet, int RadiusM);

    private static readonly Anchor[] Anchors =
    [
        new("新街口城管驿站", "station", "新街口#24", null, true, true, 1000),
        new("朝天宫便民服务岗亭", "kiosk", "朝天宫", null, false, false, 1200),
        new("总统府城管驿站", "station", "总统府集合点", null, false, true, 1200),
        new("大行宫便民服务岗亭", "kiosk", "大行宫#6", null, false, false, 1000),
        new("上海路便民服务岗亭", "kiosk", "上海路#1", null, false, false, 1200),
        new("浮桥城管驿站", "station", "浮桥#2", null, true, true, 1500),
        new("常府街便民服务岗亭", "kiosk", "常府街#4", null, false, false, 1000),
        new("长江路城管驿站", "station", "南京文化艺术中心", null, false, true, 1200),
        new("金陵刻经处便民服务岗亭", "kiosk", "金陵刻经处", null, false, false, 1000),
        new("石鼓路便民服务岗亭", "kiosk", null, "石鼓路", false, false, 1200),
        new("华侨路城管驿站", "station", null, "华侨路", true, true, 1500),
    ];

    private static readonly string[] KioskServices = ["consultation", "complaint", "water", "firstAid", "charging", "umbrella", "directions"];

    private static readonly string[] StationServices =
        ["consultation", "complaint", "water", "firstAid", "charging", "rest", "microwave", "umbrella", "tools", "directions", "wasteSorting"];

    private static readonly (string Item, int Threshold)[] SupplyItems = [("water", 24), ("firstAidKit", 2), ("powerBank", 4), ("umbrella", 6)];

    private const double PavementOffsetM = 9.0;

    public static List<Kiosk> Build(SourceData src, IReadOnlyList<NamedStreet> streets, DemoNames names)
    {
        var roads = src.Roads
            .Where(r => r.Tag("highway") is { } hw && RoadClass.Rank(hw) < RoadClass.Rank("service") && r.Tag("tunnel") is not "yes")
            .Select(r => LocalProjection.ToMeters(r.Geometry))
            .ToList();
        var core = CoreArea.RectMeters;
        var result = new List<Kiosk>();
        foreach (var a in Anchors)
        {
            var anchor = AnchorPoint(a, src, streets);
            var location = OntoPavement(anchor, roads);
            if (!core.Contains(Geo.Meters.CreatePoint(location)))
            {
                throw new InvalidOperationException($"Kiosk {a.Name} falls outside the core area");
            }

            var id = $"K{result.Count + 1:00}";
            var ll = LocalProjection.ToLonLatRounded(Geo.Meters.CreatePoint(location));
            result.Add(new Kiosk(id, a.Name, a.Kind, (Point)ll, Services(a.Kind, a.HasToilet), Hours(a.Is24h), a.Is24h,
                a.HasToilet, a.RadiusM, Supplies(id, result.Count), names.Office("kiosk/" + id)));
        }

        return result;
    }

    /// <summary>What a 岗亭 (<c>kiosk</c>) or a 驿站 (<c>station</c>) offers.</summary>
    internal static List<string> Services(string kind, bool hasToilet)
    {
        var services = (kind == "station" ? StationServices : KioskServices).ToList();
        if (hasToilet)
        {
            services.Add("toilet");
        }

        return services;
    }

    internal static string Hours(bool is24h) => is24h ? "24h" : "08:00-20:00";

    /// <param name="id">Kiosk id: the stock levels hash from it.</param>
    /// <param name="ordinal">0-based position of the kiosk: decides which items run low.</param>
    internal static List<KioskSupply> Supplies(string id, int ordinal) =>
        SupplyItems.Select((s, i) =>
        {
            // Every few items run low so the dashboard has restocking alerts to show.
            var low = (ordinal + i) % 5 == 0;
            var stock = low ? DeterministicHash.Range($"{id}/{s.Item}", 0, s.Threshold - 1)
                            : DeterministicHash.Range($"{id}/{s.Item}", s.Threshold, s.Threshold * 4);
            return new KioskSupply(s.Item, stock, s.Threshold);
        }).ToList();

    private static Coordinate AnchorPoint(Anchor a, SourceData src, IReadOnlyList<NamedStreet> streets)
    {
        if (a.Poi is not null)
        {
            var poi = src.Pois.FirstOrDefault(p => p.Tag("name") == a.Poi)
                ?? throw new InvalidDataException($"POI '{a.Poi}' for kiosk {a.Name} not found");
            return LocalProjection.ToMeters(poi.Geometry).Coordinate;
        }

        var street = streets.FirstOrDefault(s => s.Name == a.Road)
            ?? throw new InvalidDataException($"Street '{a.Road}' for kiosk {a.Name} not found");
        var inCore = Geo.Intersection(LocalProjection.ToMeters(street.Geometry), CoreArea.RectMeters, Geo.MeterPrecision);
        var longest = Geo.Lines(inCore).OrderByDescending(l => l.Length).First();
        return new NetTopologySuite.LinearReferencing.LengthIndexedLine(longest).ExtractPoint(longest.Length / 2);
    }

    /// <summary>Nearest point on the nearest road, pushed <see cref="PavementOffsetM"/> sideways towards the anchor.</summary>
    internal static Coordinate OntoPavement(Coordinate anchor, List<Geometry> roads)
    {
        var p = Geo.Meters.CreatePoint(anchor);
        var road = roads.OrderBy(r => r.Distance(p)).First();
        var nearest = DistanceOp.NearestPoints(road, p)[0];
        var segment = ((LineString)road).Coordinates.Zip(((LineString)road).Coordinates.Skip(1))
            .OrderBy(s => new LineSegment(s.First, s.Second).Distance(nearest)).First();
        var dx = segment.Second.X - segment.First.X;
        var dy = segment.Second.Y - segment.First.Y;
        var len = Math.Sqrt(dx * dx + dy * dy);
        var (nx, ny) = (-dy / len, dx / len); // left normal
        var side = (nx * (anchor.X - nearest.X)) + (ny * (anchor.Y - nearest.Y)) < 0 ? -1 : 1;
        return new Coordinate(nearest.X + side * nx * PavementOffsetM, nearest.Y + side * ny * PavementOffsetM);
    }
}
