namespace CommandCenter.Domain.Zones;

/// <summary>Slugs of <see cref="VendorZoneType"/> and the rules between types.</summary>
public static class VendorZoneTypes
{
    private static readonly IReadOnlyDictionary<string, VendorZoneType> Legacy =
        new Dictionary<string, VendorZoneType>(StringComparer.OrdinalIgnoreCase) { ["convenience"] = VendorZoneType.Guided };

    /// <summary>The lowercase, kebab-case name used in JSON, GeoJSON and the database ("shop-front", "bike-fence").</summary>
    public static string Slug(VendorZoneType type) => type switch
    {
        VendorZoneType.Banned => "banned",
        VendorZoneType.Controlled => "controlled",
        VendorZoneType.Guided => "guided",
        VendorZoneType.Morning => "morning",
        VendorZoneType.Night => "night",
        VendorZoneType.Seasonal => "seasonal",
        VendorZoneType.ShopFront => "shop-front",
        VendorZoneType.BikeFence => "bike-fence",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Reads a slug (case-insensitive); also accepts the legacy "convenience" for <see cref="VendorZoneType.Guided"/>.</summary>
    public static bool TryParse(string? slug, out VendorZoneType type)
    {
        foreach (var candidate in Enum.GetValues<VendorZoneType>())
        {
            if (string.Equals(Slug(candidate), slug?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }
        if (slug is not null && Legacy.TryGetValue(slug.Trim(), out type))
        {
            return true;
        }
        type = default;
        return false;
    }

    /// <summary>Like <see cref="TryParse"/>, throwing <see cref="FormatException"/> for an unknown slug.</summary>
    public static VendorZoneType Parse(string slug) =>
        TryParse(slug, out var type) ? type : throw new FormatException($"'{slug}' is not a vendor zone type.");

    /// <summary>Every slug, in enum order.</summary>
    public static IReadOnlyList<string> Slugs { get; } = Enum.GetValues<VendorZoneType>().Select(Slug).ToList();

    /// <summary>Whether stalls may trade inside the zone while it is open (guided, morning, night, seasonal, shop-front).</summary>
    public static bool PermitsVending(VendorZoneType type) => type
        is VendorZoneType.Guided or VendorZoneType.Morning or VendorZoneType.Night or VendorZoneType.Seasonal or VendorZoneType.ShopFront;

    /// <summary>
    /// Whether two zones of these types may not overlap (symmetric):
    /// banned or controlled against any vending type (a zone cannot both allow and forbid stalls);
    /// a bike fence against any vending type (stalls and parked bikes would claim the same pavement).
    /// Allowed: vending with vending (a morning and a night market share a street at different hours),
    /// banned with banned or controlled (both forbid; school zones overlap each other), and a bike fence with
    /// banned or controlled (those rule vending, not parking; bike parking by a school gate is wanted).
    /// </summary>
    public static bool Conflict(VendorZoneType a, VendorZoneType b)
    {
        if (PermitsVending(a) == PermitsVending(b))
        {
            return false;
        }
        var other = PermitsVending(a) ? b : a;
        return other is VendorZoneType.Banned or VendorZoneType.Controlled or VendorZoneType.BikeFence;
    }
}
