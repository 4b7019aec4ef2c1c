using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Features.Alerts;

/// <summary>An alert's message in the reader's language, from its code and values.</summary>
public static class AlertText
{
    public static string Of(IStringLocalizer l, AlertView a)
    {
        var template = l["Alert_" + a.MessageCode];
        return template.ResourceNotFound ? string.Join(" ", a.MessageArgs) : string.Format(System.Globalization.CultureInfo.CurrentCulture, template.Value, a.MessageArgs);
    }
}
