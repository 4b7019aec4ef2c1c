namespace CommandCenter.Web.Features.Kiosks;

/// <summary>The services a kiosk may offer and the kinds of its service log (domain.md §7.7: 就近办, 一口清, 一步到, 问路, 应急救助 …).</summary>
public static class KioskCatalogue
{
    public static IReadOnlyList<string> Services { get; } =
        ["consultation", "permit", "complaint", "water", "firstAid", "charging", "rest", "toilet", "microwave", "umbrella", "tools", "directions", "wasteSorting"];

    public static IReadOnlyList<string> LogKinds { get; } = ["consultation", "permit", "directions", "complaint", "firstAid"];

    /// <summary>What a complaint becomes when the log does not say: 其他街面秩序问题.</summary>
    public const string ComplaintCategory = "20599";

    /// <summary>The key of a low-stock alert for one recipient; the prefix without the recipient clears them all.</summary>
    public static string LowStockKey(string kioskId, string item, string? recipient = null) => $"low-stock:{kioskId}:{item}:{recipient}";
}
