using CommandCenter.Domain.Zones;

namespace CommandCenter.Tests.Domain;

public sealed class VendorZoneTypesTests
{
    [Fact]
    public void Every_type_reads_back_from_its_slug_and_the_old_convenience_is_a_guided_point()
    {
        Assert.Equal(["banned", "controlled", "guided", "morning", "night", "seasonal", "shop-front", "bike-fence"], VendorZoneTypes.Slugs);
        foreach (var type in Enum.GetValues<VendorZoneType>())
        {
            Assert.Equal(type, VendorZoneTypes.Parse(VendorZoneTypes.Slug(type)));
        }
        Assert.Equal(VendorZoneType.Guided, VendorZoneTypes.Parse("convenience"));
        Assert.Equal(VendorZoneType.ShopFront, VendorZoneTypes.Parse(" Shop-Front "));
        Assert.False(VendorZoneTypes.TryParse("shopfront", out _));
        Assert.False(VendorZoneTypes.TryParse(null, out _));
    }

    [Fact]
    public void Only_the_five_market_kinds_permit_vending()
    {
        var vending = Enum.GetValues<VendorZoneType>().Where(VendorZoneTypes.PermitsVending);
        Assert.Equal([VendorZoneType.Guided, VendorZoneType.Morning, VendorZoneType.Night, VendorZoneType.Seasonal, VendorZoneType.ShopFront], vending);
    }

    [Theory]
    [InlineData(VendorZoneType.Banned, VendorZoneType.Night, true)]
    [InlineData(VendorZoneType.Controlled, VendorZoneType.Guided, true)]
    [InlineData(VendorZoneType.BikeFence, VendorZoneType.ShopFront, true)]
    [InlineData(VendorZoneType.Morning, VendorZoneType.Night, false)]   // one street, different hours
    [InlineData(VendorZoneType.Banned, VendorZoneType.Banned, false)]   // school zones overlap each other
    [InlineData(VendorZoneType.Banned, VendorZoneType.Controlled, false)]
    [InlineData(VendorZoneType.BikeFence, VendorZoneType.Banned, false)] // parking by a school gate is wanted
    [InlineData(VendorZoneType.BikeFence, VendorZoneType.BikeFence, false)]
    public void Conflicting_types_are_those_that_would_allow_and_forbid_stalls_in_one_place(VendorZoneType a, VendorZoneType b, bool conflict)
    {
        Assert.Equal(conflict, VendorZoneTypes.Conflict(a, b));
        Assert.Equal(conflict, VendorZoneTypes.Conflict(b, a));
    }
}
