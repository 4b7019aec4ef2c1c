using System.Text;

namespace CommandCenter.Domain.Cases;

/// <summary>Action slugs (kebab-case, as in the API path).</summary>
public static class CaseActions
{
    private static readonly Dictionary<CaseAction, string> Slugs = Enum.GetValues<CaseAction>().ToDictionary(a => a, ToSlug);
    private static readonly Dictionary<string, CaseAction> BySlug = Slugs.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static string Slug(this CaseAction action) => Slugs[action];

    public static bool TryParse(string? slug, out CaseAction action) => BySlug.TryGetValue(slug ?? "", out action);

    public static IEnumerable<string> AllSlugs => Slugs.Values;

    private static string ToSlug(CaseAction action)
    {
        var name = action.ToString();
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
