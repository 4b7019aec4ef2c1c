namespace CommandCenter.Domain.Cases;

/// <summary>The 721 tag's slugs: the one place that knows which values exist.</summary>
public static class Resolutions721
{
    public static string Slug(this Resolution721 resolution) => resolution.ToString().ToLowerInvariant();

    public static bool TryParse(string? slug, out Resolution721 resolution)
    {
        foreach (var r in Enum.GetValues<Resolution721>())
        {
            if (r.Slug() == slug)
            {
                resolution = r;
                return true;
            }
        }
        resolution = default;
        return false;
    }

    public static IReadOnlyList<string> Slugs { get; } = Enum.GetValues<Resolution721>().Select(r => r.Slug()).ToList();
}
