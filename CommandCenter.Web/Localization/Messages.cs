using System.Globalization;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Validation;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Localization;

/// <summary>
/// Words message codes (refusals, field errors) in the current UI language from the resources. Values that are
/// domain names — states, actions, roles — are worded too, so "不能「派遣」" reads "cannot 'dispatch'" in English.
/// </summary>
public sealed class Messages(IStringLocalizer<SharedResource> l)
{
    public string Text(FieldError error) => Text(error.Code, error.Args);

    public string Text(string code, params object?[] args)
    {
        var template = l["Error_" + code];
        var values = args.Select(Word).ToArray();
        if (template.ResourceNotFound)
        {
            return values.Length == 0 ? code : $"{code}: {string.Join(", ", values)}";
        }
        return string.Format(CultureInfo.CurrentCulture, template.Value, values);
    }

    /// <summary>The problem title for a status code ("请求参数有误" / "One or more fields are invalid").</summary>
    public string Title(int status)
    {
        var text = l[$"Problem_{status}"];
        return text.ResourceNotFound ? l["Problem_Other"] : text.Value;
    }

    private object? Word(object? value) => value switch
    {
        CaseState s => l.State(s.Slug()),
        CaseAction a => l.Action(a.Slug()),
        Role r => l.Role(r.Slug()),
        CaseSource s => l.Source(s.Slug()),
        IEnumerable<Role> roles => string.Join(CultureSetup.IsChinese ? "、" : ", ", roles.Select(r => l.Role(r.Slug()))),
        // What a client sent is echoed briefly and without control characters.
        string text when text.Length > 60 || text.Any(char.IsControl) => new string(text.Where(ch => !char.IsControl(ch)).Take(60).ToArray()) + (text.Length > 60 ? "…" : ""),
        _ => value,
    };
}
