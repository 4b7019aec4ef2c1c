using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Zones;
using static CommandCenter.Tests.Domain.Toy;

namespace CommandCenter.Tests.Domain;

/// <summary>The zone verdict a street-vending case gets at intake: permitted, banned or outside.</summary>
public sealed class ZoneCheckTests
{
    private static readonly DateTime Evening = new(2026, 7, 1, 20, 0, 0);
    private static readonly DateTime Noon = new(2026, 7, 1, 12, 0, 0);

    // A 100 m night market; the case is reported in its middle.
    private static readonly NetTopologySuite.Geometries.Point Corner = P(118.7830, 32.0400);
    private static readonly VendorZone Market = Zone("VZ01", VendorZoneType.Night, Square(Corner, 100));
    private static readonly NetTopologySuite.Geometries.Point Stall = North(East(Corner, 50), 50);

    [Fact]
    public void A_stall_inside_an_open_night_market_is_permitted_and_handled_as_management()
    {
        var check = ZoneCheck.Decide(Stall, Evening, [Market], []);
        Assert.Equal(new ZoneCheck("VZ01", "VZ01示例区", VendorZoneType.Night, true, ZoneVerdict.Permitted), check);
        Assert.True(check.IsManagement);
        Assert.False(check.RaisesPriority);
    }

    [Fact]
    public void The_same_stall_at_noon_is_outside_and_names_the_closed_market()
    {
        var check = ZoneCheck.Decide(Stall, Noon, [Market], []);
        Assert.Equal(ZoneVerdict.Outside, check.Verdict);
        Assert.Equal("VZ01", check.ZoneId);
        Assert.False(check.OpenNow);
    }

    [Fact]
    public void A_banned_zone_over_the_market_wins_and_raises_priority()
    {
        var banned = Zone("BZ01", VendorZoneType.Banned, Square(Corner, 100), school: "石鼓路小学");
        var check = ZoneCheck.Decide(Stall, Evening, [Market, banned], []);
        Assert.Equal(ZoneVerdict.Banned, check.Verdict);
        Assert.Equal(("BZ01", VendorZoneType.Banned, "石鼓路小学"), (check.ZoneId, check.Type, check.SchoolName));
        Assert.True(check.RaisesPriority);
    }

    [Theory]
    [InlineData(99, ZoneVerdict.Banned)]
    [InlineData(101, ZoneVerdict.Permitted)]
    public void A_school_gate_within_100_metres_bans_even_an_open_market(double gateMetres, ZoneVerdict verdict)
    {
        var gate = new SchoolGate("长江路小学", North(Stall, gateMetres));
        var check = ZoneCheck.Decide(Stall, Evening, [Market], [gate]);
        Assert.Equal(verdict, check.Verdict);
        Assert.Equal("VZ01", check.ZoneId);
        if (verdict == ZoneVerdict.Banned)
        {
            Assert.Equal("长江路小学", check.SchoolName);
            Assert.Equal(gateMetres, check.SchoolDistanceM!.Value, 1);
        }
    }

    [Fact]
    public void A_controlled_street_is_named_but_the_case_stays_an_ordinary_one()
    {
        var controlled = Zone("CZ01", VendorZoneType.Controlled, Square(Corner, 100));
        var check = ZoneCheck.Decide(Stall, Evening, [controlled], []);
        Assert.Equal(("CZ01", VendorZoneType.Controlled, false, ZoneVerdict.Outside), (check.ZoneId, check.Type, check.OpenNow, check.Verdict));
    }

    [Fact]
    public void Nowhere_special_is_outside_and_a_bike_fence_is_no_zone_for_stalls()
    {
        var fence = Zone("BF01", VendorZoneType.BikeFence, Square(Corner, 100)) with { Capacity = 40, Operator = "哈啰" };
        Assert.Equal(new ZoneCheck(null, null, null, false, ZoneVerdict.Outside), ZoneCheck.Decide(Stall, Evening, [fence], []));
    }

    [Fact]
    public void The_index_returns_every_zone_covering_a_point_and_checks_it()
    {
        var banned = Zone("BZ01", VendorZoneType.Banned, Square(East(Corner, 80), 100), school: "示例小学");
        var index = new GridIndex(new CityMap([], [], [], [], [], [Market, banned], []), schoolGates: []);
        var both = East(Stall, 40); // 90 m east of the corner: in the market and in the banned square
        Assert.Equal(["BZ01", "VZ01"], index.ZonesAt(both).Select(z => z.Id));
        Assert.Equal(["VZ01"], index.ZonesAt(Stall).Select(z => z.Id));
        Assert.Equal(ZoneVerdict.Banned, index.CheckZone(both, Evening).Verdict);
        Assert.Equal(ZoneVerdict.Permitted, index.CheckZone(Stall, Evening).Verdict);
    }

    [Fact]
    public void Without_given_gates_the_index_stands_a_gate_in_the_middle_of_each_school_zone()
    {
        var banned = Zone("BZ01", VendorZoneType.Banned, Square(P(118.7900, 32.0400), 200), school: "示例小学");
        var index = new GridIndex(new CityMap([], [], [], [], [], [Market, banned], []));
        var gate = Assert.Single(index.SchoolGates);
        Assert.Equal("示例小学", gate.Name);
        // The square's centre is 100 m east and 100 m north of its corner.
        var centre = North(East(P(118.7900, 32.0400), 100), 100);
        Assert.True(Geodesy.DistanceMetres(gate.Location.Coordinate, centre.Coordinate) < 0.5);
        Assert.Equal("示例小学", Assert.Single(index.SchoolGatesNear(North(centre, 99))).Gate.Name);
        Assert.Empty(index.SchoolGatesNear(North(centre, 101)));
    }

    [Fact]
    public void In_the_demo_city_a_stall_on_杨公井_night_market_is_permitted_at_night_and_a_school_zone_is_banned()
    {
        var index = new GridIndex(DemoCity.Map);
        var market = DemoCity.Zone("VZ01");
        Assert.Equal("杨公井夜市疏导区", market.Name);
        var stall = market.Area.InteriorPoint;
        Assert.Equal(ZoneVerdict.Permitted, index.CheckZone(stall, Evening).Verdict);
        Assert.Equal(ZoneVerdict.Outside, index.CheckZone(stall, Noon).Verdict);

        var school = DemoCity.Map.VendorZones.First(z => z.Type == VendorZoneType.Banned);
        var check = index.CheckZone(school.Area.InteriorPoint, Evening);
        Assert.Equal(ZoneVerdict.Banned, check.Verdict);
        Assert.Equal(VendorZoneType.Banned, check.Type);
        Assert.NotNull(check.SchoolName);
    }
}
