using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Intake;

namespace CommandCenter.Tests.Domain;

/// <summary>Addresses resolved by the demo city's named streets (Open311 <c>address_string</c>, hotline calls, QR links).</summary>
public sealed class StreetAddressTests
{
    private static readonly Lazy<GridIndex> City = new(() => new GridIndex(DemoCity.Map));

    [Fact]
    public void An_address_on_a_street_of_the_city_resolves_to_a_point_on_that_street_inside_a_unit_grid()
    {
        var place = StreetAddress.Resolve("南京市玄武区中山东路18号", City.Value);

        Assert.NotNull(place);
        Assert.Equal("中山东路", place.Street.Name);
        Assert.NotNull(City.Value.GridAt(place.Point));
        Assert.True(Geodesy.DistanceMetres(place.Point, place.Street.Line) < 1, "the point lies on the street");
    }

    [Fact]
    public void The_longest_street_name_in_the_address_wins()
    {
        // 将军巷 and 杨将军巷 are both streets of the demo city; the address names the longer one.
        Assert.Equal("杨将军巷", StreetAddress.Resolve("杨将军巷5号门口", City.Value)?.Street.Name);
        Assert.Equal("将军巷", StreetAddress.Resolve("将军巷12号", City.Value)?.Street.Name);
    }

    [Fact]
    public void An_address_naming_no_street_of_the_city_resolves_to_nothing()
    {
        Assert.Null(StreetAddress.Resolve("火星路1号", City.Value));
        Assert.Null(StreetAddress.Resolve("  ", City.Value));
    }

    [Fact]
    public void A_notice_board_link_naming_street_S001_gives_a_point_on_that_street()
    {
        var street = DemoCity.Map.Streets.Single(s => s.Id == "S001");
        var place = StreetAddress.PointOn(street, City.Value);
        Assert.Equal("一枝园", place?.Street.Name);
        Assert.NotNull(City.Value.GridAt(place!.Point));
    }
}
