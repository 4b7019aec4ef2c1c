using CommandCenter.Domain.Validation;
using CommandCenter.Domain.Zones;
using NetTopologySuite.Geometries;
using static CommandCenter.Tests.Domain.Toy;

namespace CommandCenter.Tests.Domain;

/// <summary>Refusals when an admin draws or edits a zone.</summary>
public sealed class VendorZoneRulesTests
{
    // A 1 km square city; zones are drawn well inside it.
    private static readonly Point CitySouthWest = P(118.7700, 32.0350);
    private static readonly Polygon City = Square(CitySouthWest, 1000);
    private static readonly Point Inside = North(East(CitySouthWest, 300), 300);

    private static IReadOnlyList<FieldError> Validate(VendorZone candidate, IEnumerable<VendorZone>? others = null, IEnumerable<SchoolGate>? gates = null) =>
        VendorZoneRules.Validate(candidate, others ?? [], gates ?? [], City);

    private static IEnumerable<(string Field, string Code)> Codes(IEnumerable<FieldError> errors) => errors.Select(e => (e.Field, e.Code));

    [Fact]
    public void A_well_drawn_guided_point_inside_the_city_passes() =>
        Assert.Empty(Validate(Zone("VZ20", VendorZoneType.Guided, Square(Inside, 40))));

    [Fact]
    public void The_geometry_must_be_a_valid_non_empty_polygon()
    {
        var bowTie = Geo.CreatePolygon([new(118.773, 32.038), new(118.774, 32.039), new(118.774, 32.038), new(118.773, 32.039), new(118.773, 32.038)]);
        var line = Geo.CreateLineString([new(118.773, 32.038), new(118.774, 32.039)]);
        Assert.Equal([("geometry", "ZoneGeometryInvalid")], Codes(Validate(Zone("VZ20", VendorZoneType.Guided, bowTie))));
        Assert.Equal([("geometry", "ZoneGeometryNotPolygon")], Codes(Validate(Zone("VZ20", VendorZoneType.Guided, line))));
        Assert.Equal([("geometry", "ZoneGeometryMissing")], Codes(Validate(Zone("VZ20", VendorZoneType.Guided, Geo.CreatePolygon()))));
        var twoParts = Geo.CreateMultiPolygon([Square(Inside, 20), Square(East(Inside, 100), 20)]);
        Assert.Empty(Validate(Zone("VZ20", VendorZoneType.Guided, twoParts)));
    }

    [Theory]
    [InlineData(-3, true)]   // a hand-drawn edge 3 m past the boundary is tolerated
    [InlineData(-20, false)] // 20 m out is outside the city
    public void A_zone_must_lie_inside_the_city_give_or_take_a_few_metres(double metresInside, bool accepted)
    {
        // A 40 m square touching the city's west edge, shifted west by the given metres.
        var zone = Zone("VZ20", VendorZoneType.Guided, Square(East(North(CitySouthWest, 500), metresInside), 40));
        Assert.Equal(accepted ? [] : [("geometry", "ZoneOutsideCity")], Codes(Validate(zone)));
    }

    [Theory]
    [InlineData(99, true)]
    [InlineData(101, false)]
    public void A_guided_point_within_100_metres_of_a_school_gate_is_refused(double gateMetres, bool refused)
    {
        var zone = Zone("VZ20", VendorZoneType.Guided, Square(Inside, 40));
        // Due south of the zone's south-west corner, so the distance to the zone is the distance to the corner.
        var gate = new SchoolGate("石鼓路小学", North(Inside, -gateMetres));
        var errors = Validate(zone, gates: [gate]);
        if (refused)
        {
            var error = Assert.Single(errors);
            Assert.Equal(("geometry", "ZoneNearSchoolGate"), (error.Field, error.Code));
            Assert.Equal(["石鼓路小学", 99.0, 100.0], error.Args);
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void A_bike_fence_may_sit_by_a_school_gate()
    {
        var fence = Zone("BF01", VendorZoneType.BikeFence, Square(Inside, 20)) with { Capacity = 30, Operator = "美团" };
        Assert.Empty(Validate(fence, gates: [new SchoolGate("石鼓路小学", North(Inside, -10))]));
    }

    [Fact]
    public void Overlapping_a_banned_zone_is_refused_naming_it_but_touching_it_or_another_market_is_not()
    {
        var banned = Zone("BZ01", VendorZoneType.Banned, Square(East(Inside, 30), 100), school: "示例小学") with { Name = "示例小学周边禁止设摊区" };
        var morning = Zone("VZ21", VendorZoneType.Morning, Square(Inside, 40), VendorZoneSchedule.Daily("05:30-08:30"));
        var night = Zone("VZ20", VendorZoneType.Night, Square(Inside, 40));
        var error = Assert.Single(Validate(night, [banned, morning]));
        Assert.Equal(("geometry", "ZoneOverlapsConflicting"), (error.Field, error.Code));
        Assert.Equal(["示例小学周边禁止设摊区", "BZ01", "banned"], error.Args);

        var touching = Zone("VZ20", VendorZoneType.Night, Square(Inside, 30)); // ends exactly where the banned zone begins
        Assert.Empty(Validate(touching, [banned, morning]));
    }

    [Fact]
    public void Editing_a_zone_does_not_conflict_with_its_own_saved_version()
    {
        var saved = Zone("VZ20", VendorZoneType.Guided, Square(Inside, 40));
        var edited = saved with { Type = VendorZoneType.Night };
        var controlledElsewhere = Zone("CZ01", VendorZoneType.Controlled, Square(East(Inside, 200), 50));
        Assert.Empty(Validate(edited, [saved with { Type = VendorZoneType.Controlled }, controlledElsewhere]));
    }

    [Fact]
    public void Stalls_hours_and_bike_fence_details_are_checked_field_by_field()
    {
        var market = Zone("VZ20", VendorZoneType.Night, Square(Inside, 40), VendorZoneSchedule.Never) with { StallCount = -1, MaxStallAreaM2 = 0, Name = " " };
        Assert.Equal(
            [("name", "ZoneNameRequired"), ("windows", "ZoneHoursRequired"), ("stallCount", "StallCountNegative"), ("maxStallAreaM2", "MaxStallAreaNotPositive")],
            Codes(Validate(market)));

        var fence = Zone("BF01", VendorZoneType.BikeFence, Square(Inside, 20));
        Assert.Equal([("capacity", "BikeFenceCapacityRequired"), ("operator", "BikeFenceOperatorRequired")], Codes(Validate(fence)));
    }

    [Fact]
    public void Every_market_of_the_demo_city_passes_against_the_others_and_moving_one_onto_a_school_zone_fails()
    {
        var zones = DemoCity.Map.VendorZones;
        var gates = SchoolGate.StandInsFor(zones);
        Assert.Equal(15, gates.Count);
        foreach (var zone in zones.Where(z => VendorZoneTypes.PermitsVending(z.Type)))
        {
            Assert.Empty(VendorZoneRules.Validate(zone, zones, gates, DemoCity.Area));
        }

        var school = zones.First(z => z.Type == VendorZoneType.Banned);
        var moved = DemoCity.Zone("VZ04") with { Area = school.Area.Buffer(-0.0002) };
        Assert.Equal(VendorZoneType.Guided, moved.Type);
        var codes = VendorZoneRules.Validate(moved, zones, gates, DemoCity.Area).Select(e => e.Code).ToList();
        Assert.Contains("ZoneNearSchoolGate", codes);
        Assert.Contains("ZoneOverlapsConflicting", codes);
    }
}
