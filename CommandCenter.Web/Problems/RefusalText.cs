using CommandCenter.Web.Localization;

namespace CommandCenter.Web.Problems;

/// <summary>A refusal as the lines a form shows: one per refused field, or one for the whole request.</summary>
public static class RefusalText
{
    public static IReadOnlyList<(string Field, string Text)> Lines(this Messages messages, Refusal refusal) =>
        refusal.Fields.Count > 0
            ? refusal.Fields.Select(f => (f.Field, messages.Text(f))).ToList()
            : [("", messages.Text(refusal.Code, refusal.Args))];
}
