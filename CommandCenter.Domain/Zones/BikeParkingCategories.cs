namespace CommandCenter.Domain.Zones;

/// <summary>共享单车乱停放: the 0506 family (非机动车乱停放 20506 and local subclasses under it), whose cases snap to a bike fence.</summary>
public static class BikeParkingCategories
{
    public const string BikeMisparking = "20506";

    public static bool Includes(string? categoryCode) =>
        categoryCode is not null && categoryCode.Trim().StartsWith(BikeMisparking, StringComparison.Ordinal);
}
