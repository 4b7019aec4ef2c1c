using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Kiosks;
using CommandCenter.Domain.Zones;
using static CommandCenter.Tests.Domain.Toy;

namespace CommandCenter.Tests.Domain;

/// <summary>Kiosk hours and service radius, grids no open kiosk serves, and bike fences for 0506 cases.</summary>
public sealed class KioskCoverageTests
{
    private static readonly NetTopologySuite.Geometries.Point Origin = P(118.7800, 32.0400);

    private static Kiosk KioskAt(string id, NetTopologySuite.Geometries.Point at, string hours, double radiusM = 1000) =>
        new(id, id + "驿站", "station", ["water"], hours, hours == "24h", false, radiusM, [], null, at);

    private static UnitGrid GridAt(string code, NetTopologySuite.Geometries.Point southWest) =>
        new(code, "320102003002", "320102003", "DG-1", 10_000, Square(southWest, 100));

    [Theory]
    [InlineData("07:59", false)]
    [InlineData("08:00", true)]
    [InlineData("19:59", true)]
    [InlineData("20:00", false)]
    public void A_day_kiosk_keeps_its_hours_and_a_24_hour_station_never_closes(string time, bool open)
    {
        var local = new DateOnly(2026, 7, 1).ToDateTime(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(open, KioskAt("K02", Origin, "08:00-20:00").IsOpenAt(local));
        Assert.True(KioskAt("K01", Origin, "24h").IsOpenAt(local));
    }

    [Fact]
    public void Split_and_weekday_hours_are_read_too()
    {
        var lunchBreak = KioskAt("K03", Origin, "08:00-12:00, 14:00-20:00");
        Assert.False(lunchBreak.IsOpenAt(new DateTime(2026, 7, 1, 13, 0, 0)));
        Assert.True(lunchBreak.IsOpenAt(new DateTime(2026, 7, 1, 14, 0, 0)));
        var weekdays = KioskAt("K04", Origin, "mon-fri 08:00-20:00; sat,sun 09:00-17:00");
        Assert.False(weekdays.IsOpenAt(new DateTime(2026, 7, 4, 8, 30, 0))); // Saturday
        Assert.True(weekdays.IsOpenAt(new DateTime(2026, 7, 3, 8, 30, 0)));  // Friday
    }

    [Theory]
    [InlineData(999, false)]
    [InlineData(1000, true)]
    [InlineData(1500, true)]
    [InlineData(1501, false)]
    public void The_service_radius_is_one_to_one_and_a_half_kilometres(double radiusM, bool accepted)
    {
        var errors = KioskRules.Validate(radiusM, "08:00-20:00", false);
        Assert.Equal(accepted ? [] : [("radiusM", "KioskRadiusOutOfRange")], errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Unreadable_hours_are_refused_unless_the_kiosk_is_open_around_the_clock()
    {
        Assert.Equal("KioskHoursFormat", Assert.Single(KioskRules.Validate(1200, "8am-8pm", false)).Code);
        Assert.Equal("KioskHoursFormat", Assert.Single(KioskRules.Validate(1200, "08:00-12:00, 11:00-20:00", false)).Code);
        Assert.Empty(KioskRules.Validate(1200, "", true));
        Assert.Empty(KioskRules.Validate(1200, "24h", false));
    }

    [Fact]
    public void A_grid_is_outside_coverage_when_only_a_closed_kiosk_reaches_it()
    {
        // Grid A sits beside the 24 h station; grid B (1.6 km east) is about 350 m from a day kiosk and 1.65 km from the station.
        var gridA = GridAt("320102003002001", Origin);
        var gridB = GridAt("320102003002002", East(Origin, 1600));
        var station = KioskAt("K01", Origin, "24h");
        var dayKiosk = KioskAt("K02", East(Origin, 1300), "08:00-20:00");
        Assert.Empty(KioskCoverage.GridsOutside([gridA, gridB], [station, dayKiosk], new DateTime(2026, 7, 1, 10, 0, 0)));
        Assert.Equal(["320102003002002"], KioskCoverage.GridsOutside([gridB, gridA], [station, dayKiosk], new DateTime(2026, 7, 1, 21, 0, 0)));
    }

    [Fact]
    public void In_the_demo_city_the_night_leaves_more_grids_uncovered_than_the_day()
    {
        var grids = DemoCity.Map.UnitGrids;
        var kiosks = DemoCity.Map.Kiosks;
        var day = KioskCoverage.GridsOutside(grids, kiosks, new DateTime(2026, 7, 1, 10, 0, 0));
        var night = KioskCoverage.GridsOutside(grids, kiosks, new DateTime(2026, 7, 1, 3, 0, 0));
        Assert.Equal(3, kiosks.Count(k => k.IsOpenAt(new DateTime(2026, 7, 1, 3, 0, 0))));
        Assert.Subset(night.ToHashSet(), day.ToHashSet());
        Assert.True(night.Count > day.Count, $"night {night.Count} vs day {day.Count} uncovered grids");
    }

    [Fact]
    public void A_bike_parking_case_snaps_to_the_nearest_fence_within_200_metres()
    {
        var near = Zone("BF01", VendorZoneType.BikeFence, Square(Origin, 20)) with { Capacity = 40, Operator = "哈啰" };
        var far = Zone("BF02", VendorZoneType.BikeFence, Square(East(Origin, 400), 20)) with { Capacity = 60, Operator = "美团" };
        var market = Zone("VZ01", VendorZoneType.Night, Square(North(Origin, 50), 20));
        var index = new GridIndex(new CityMap([], [], [], [], [], [near, far, market], []));

        var snapped = index.NearestBikeFence(North(Origin, -150))!; // 150 m south of the fence's south edge
        Assert.Equal(("BF01", 40), (snapped.Fence.Id, snapped.Capacity));
        Assert.Equal(150, snapped.DistanceM, 0.5);
        Assert.Equal(0, index.NearestBikeFence(North(East(Origin, 10), 10))!.DistanceM);
        Assert.Null(index.NearestBikeFence(North(Origin, -250)));
        // A bike fence is not a vending zone.
        Assert.Null(index.ZoneAt(North(East(Origin, 10), 10), new DateTime(2026, 7, 1, 20, 0, 0)));
        Assert.True(BikeParkingCategories.Includes("20506"));
        Assert.True(BikeParkingCategories.Includes("2050601"));
        Assert.False(BikeParkingCategories.Includes("20505"));
    }

    [Fact]
    public void The_street_vending_family_is_the_four_road_occupying_trades()
    {
        Assert.Equal(new HashSet<string> { "20501", "20503", "20504", "20510" }, VendingCategories.Codes);
        Assert.True(VendingCategories.IsVending("20504"));
        Assert.False(VendingCategories.IsVending("20512"));
        Assert.False(VendingCategories.IsVending(null));
    }
}
