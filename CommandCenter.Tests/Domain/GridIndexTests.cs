using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Kiosks;
using CommandCenter.Domain.Zones;
using NetTopologySuite.Geometries;

namespace CommandCenter.Tests.Domain;

/// <summary>A two-grid toy city beside 新街口, small enough to reason about by hand.</summary>
public sealed class GridIndexTests
{
    private static readonly GeometryFactory Geo = new(new PrecisionModel(), 4326);
    private static readonly DateTime SummerEvening = new(2026, 7, 1, 20, 0, 0);
    private static readonly DateTime SummerNoon = new(2026, 7, 1, 12, 0, 0);

    private readonly GridIndex _index = new(ToyCity());

    [Fact]
    public void A_point_resolves_to_its_grid_duty_grid_community_and_street_office()
    {
        var hit = _index.Lookup(P(118.7805, 32.0405), SummerNoon)!;
        Assert.Equal("320102003002001", hit.Grid.Code);
        Assert.Equal("DG-1", hit.DutyGrid!.Code);
        Assert.Equal("长江路社区居委会", hit.Community!.Name);
        Assert.Equal("新街口街道", hit.Subdistrict!.Name);
    }

    [Fact]
    public void A_grid_is_found_by_its_code_with_its_community_and_an_unknown_code_finds_none()
    {
        Assert.Equal("320102003002", _index.GridByCode("320102003002001")!.CommunityCode);
        Assert.Null(_index.GridByCode("320102003002999"));
    }

    [Fact]
    public void A_point_outside_every_grid_is_outside_the_city() => Assert.Null(_index.Lookup(P(118.70, 32.00), SummerNoon));

    [Fact]
    public void A_point_on_the_shared_edge_belongs_to_the_lower_code() =>
        Assert.Equal("320102003002001", _index.GridAt(P(118.782, 32.041))!.Code);

    [Fact]
    public void The_nearest_street_counts_only_within_30_metres()
    {
        // The street runs along lat 32.0410; 0.0002° of latitude is about 22 m, 0.0004° about 44 m.
        var near = _index.NearestStreet(P(118.781, 32.0412))!;
        Assert.Equal("中山路", near.Street.Name);
        Assert.InRange(near.DistanceM, 21, 23);
        Assert.Null(_index.NearestStreet(P(118.781, 32.0414)));
    }

    [Fact]
    public void A_night_market_is_open_in_the_evening_and_closed_at_noon()
    {
        Assert.True(_index.ZoneAt(P(118.7835, 32.0405), SummerEvening)!.OpenNow);
        Assert.False(_index.ZoneAt(P(118.7835, 32.0405), SummerNoon)!.OpenNow);
    }

    [Fact]
    public void A_banned_zone_wins_where_it_overlaps_a_market()
    {
        var zone = _index.ZoneAt(P(118.7838, 32.0405), SummerEvening)!;
        Assert.Equal(VendorZoneType.Banned, zone.Zone.Type);
        Assert.False(zone.OpenNow);
    }

    [Fact]
    public void The_nearest_kiosk_knows_whether_the_point_is_within_its_radius()
    {
        var near = _index.NearestKiosk(P(118.7805, 32.0405))!;
        Assert.Equal("K01", near.Kiosk.Id);
        Assert.True(near.WithinRadius);
        var far = _index.NearestKiosk(P(118.80, 32.06))!;
        Assert.False(far.WithinRadius);
        Assert.True(far.DistanceM > 1000);
    }

    private static Point P(double lon, double lat) => Geo.CreatePoint(new Coordinate(lon, lat));

    private static Polygon Box(double w, double s, double e, double n) =>
        Geo.CreatePolygon([new(w, s), new(e, s), new(e, n), new(w, n), new(w, s)]);

    private static CityMap ToyCity()
    {
        var west = Box(118.780, 32.040, 118.782, 32.042);
        var east = Box(118.782, 32.040, 118.784, 32.042);
        var both = west.Union(east);
        var market = new VendorZone("VZ01", "示例夜市", VendorZoneType.Night, new VendorZoneSchedule([DailyWindow.Parse("19:00-01:00")], null),
            20, 2, "小吃", "王经理", null, Box(118.7830, 32.0400, 118.7840, 32.0410));
        var banned = new VendorZone("BZ01", "示例小学周边禁摆区", VendorZoneType.Banned, VendorZoneSchedule.Never,
            0, 0, "", null, "示例小学", Box(118.7837, 32.0400, 118.7845, 32.0410));
        return new CityMap(
            [new Subdistrict("320102003", "新街口街道", "320102", "玄武区", both)],
            [new Community("320102003002", "长江路社区居委会", "320102003", both)],
            [new DutyGrid("DG-1", "第1责任网格", "320102003002", "P0001", "张三", both)],
            [
                new UnitGrid("320102003002001", "320102003002", "320102003", "DG-1", 41_000, west),
                new UnitGrid("320102003002002", "320102003002", "320102003", "DG-1", 41_000, east),
            ],
            [new Street("S001", "中山路", "primary", "街长", "P0002", "李四", "025-84000000", 400,
                Geo.CreateLineString([new(118.779, 32.041), new(118.785, 32.041)]))],
            [market, banned],
            [new Kiosk("K01", "新街口城管驿站", "station", ["water"], "24h", true, true, 1000, [new KioskSupply("water", 10, 20)], null, P(118.781, 32.041))]);
    }
}
