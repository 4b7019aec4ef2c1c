using System.Globalization;
using CommandCenter.Domain.Intake;
using CommandCenter.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>The public's words for a case: its stage, and the status note (rejection reasons in plain words).</summary>
public static class PublicText
{
    public static string PublicStage(this IStringLocalizer l, PublicStage stage) => l[$"PublicStage_{stage.Slug()}"].Value;

    public static string PublicNotes(this IStringLocalizer l, PublicCase c) => c.Stage switch
    {
        Domain.Intake.PublicStage.NotFiled => string.Format(CultureInfo.CurrentCulture, l["PublicNote_not-filed"].Value, l.Reason(c.RejectionReason ?? "other")),
        Domain.Intake.PublicStage.Merged => string.Format(CultureInfo.CurrentCulture, l["PublicNote_merged"].Value, c.MasterNumber ?? "—"),
        var stage => l[$"PublicNote_{stage.Slug()}"].Value,
    };
}
