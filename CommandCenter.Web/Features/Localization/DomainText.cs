using CommandCenter.Domain.Cases;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Features.Localization;

/// <summary>
/// Names of states, actions and sources in the UI language. The resources hold both languages;
/// the domain's Chinese names are the fallback, so a new state never shows up blank.
/// </summary>
public static class DomainText
{
    public static string State(this IStringLocalizer l, string slug) =>
        Lookup(l, "State." + slug, () => CaseStates.TryParse(slug, out var s) ? s.NameZh() : slug);

    public static string Action(this IStringLocalizer l, string slug) =>
        Lookup(l, "Action." + slug, () => CaseActions.TryParse(slug, out var a) ? a.NameZh() : slug);

    public static string Source(this IStringLocalizer l, string slug) =>
        Lookup(l, "Source." + slug, () => CaseSources.TryParse(slug, out var s) ? s.NameZh() : slug);

    private static string Lookup(IStringLocalizer l, string key, Func<string> fallback)
    {
        var text = l[key];
        return text.ResourceNotFound ? fallback() : text.Value;
    }
}
