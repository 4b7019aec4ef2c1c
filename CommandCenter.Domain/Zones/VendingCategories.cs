namespace CommandCenter.Domain.Zones;

/// <summary>
/// 占道经营: the street-vending family of case categories (domain.md §3.3: 0501 + 0504 + 0503 + 0510, in the
/// five-digit 事件 form), the cases that get a <see cref="ZoneCheck"/> at intake. 非法出版物销售 (20512) is not in it:
/// an open night market does not make illegal goods legal.
/// </summary>
public static class VendingCategories
{
    /// <summary>无照经营游商 unlicensed mobile vendor.</summary>
    public const string UnlicensedVendor = "20501";

    /// <summary>占道废品收购 scrap buying on the road.</summary>
    public const string ScrapBuying = "20503";

    /// <summary>店外经营 trading outside the shop.</summary>
    public const string OutsideShop = "20504";

    /// <summary>露天烧烤 open-air barbecue.</summary>
    public const string OpenAirBarbecue = "20510";

    public static IReadOnlySet<string> Codes { get; } =
        new HashSet<string>(StringComparer.Ordinal) { UnlicensedVendor, ScrapBuying, OutsideShop, OpenAirBarbecue };

    public static bool IsVending(string? categoryCode) => categoryCode is not null && Codes.Contains(categoryCode.Trim());
}
