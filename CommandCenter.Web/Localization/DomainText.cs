using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Localization;

/// <summary>Names of states, actions, sources, roles, steps and stages in the UI language, all from the resources.</summary>
public static class DomainText
{
    public static string State(this IStringLocalizer l, string slug) => Lookup(l, "State." + slug, slug);

    public static string Action(this IStringLocalizer l, string slug) => Lookup(l, "Action." + slug, slug);

    public static string Source(this IStringLocalizer l, string slug) => Lookup(l, "Source." + slug, slug);

    public static string Role(this IStringLocalizer l, string slug) => Lookup(l, "Role." + slug, slug);

    public static string Step(this IStringLocalizer l, string slug) => Lookup(l, "Step." + slug, slug);

    public static string Stage(this IStringLocalizer l, string slug) => Lookup(l, "Stage_" + slug, slug);

    public static string Reason(this IStringLocalizer l, string slug) => Lookup(l, "Reason." + slug, slug);

    public static string Unit(this IStringLocalizer l, string slug) => Lookup(l, "Unit." + slug, slug);

    private static string Lookup(IStringLocalizer l, string key, string fallback)
    {
        var text = l[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
