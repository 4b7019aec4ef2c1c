namespace CommandCenter.Web.Features.Vendors;

/// <summary>
/// 门前三包 / 五包: what a merchant answers for in front of the shop (domain.md §7.5). Three: order (市容秩序: no stalls,
/// structures, posting, piling), sanitation (环境卫生), facilities (设施与绿化); five splits out appearance (市容整洁) and greenery (绿化管护).
/// </summary>
public static class PledgeItems
{
    public const string Three = "three";
    public const string Five = "five";

    public static IReadOnlyList<string> All { get; } = ["order", "sanitation", "facilities", "appearance", "greenery"];

    public static IReadOnlyList<string> Standard(string kind) => kind == Five ? All : ["order", "sanitation", "facilities"];

    public static int CountOf(string kind) => kind == Five ? 5 : 3;
}
