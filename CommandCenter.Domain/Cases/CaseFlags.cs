namespace CommandCenter.Domain.Cases;

/// <summary>
/// The marks of a case beside its state: the warnings 推诿 (returned too often) and 多次返工 (reworked too often), the
/// requests waiting for a decision (延期申请, 作废申请) that the dispatch and shift-lead desks queue, and 优先 (urgent:
/// priority raised at intake, e.g. vending by a school gate).
/// </summary>
public readonly record struct CaseFlags(bool Shirking, bool MultipleRework, bool ExtensionRequested = false, bool VoidRequested = false, bool Urgent = false)
{
    public const string ExtensionRequestedSlug = "extension-requested";
    public const string VoidRequestedSlug = "void-requested";

    public static CaseFlags Of(int returnCount, int reworkCount, WorkflowSettings settings) =>
        new(returnCount > settings.ShirkingReturnsAbove, reworkCount >= settings.MultipleReworkAtLeast);

    public static CaseFlags Of(Case c, WorkflowSettings settings) =>
        Of(c.ReturnCount, c.ReworkCount, settings) with
        {
            ExtensionRequested = c.PendingExtension is not null, VoidRequested = c.PendingVoid is not null, Urgent = c.Urgent,
        };

    /// <summary>The flags as the screens and the live events carry them: "urgent" first, then the warnings and requests.</summary>
    public string[] Slugs
    {
        get
        {
            var slugs = new List<string>(5);
            if (Urgent) slugs.Add("urgent");
            if (Shirking) slugs.Add("shirking");
            if (MultipleRework) slugs.Add("rework");
            if (ExtensionRequested) slugs.Add(ExtensionRequestedSlug);
            if (VoidRequested) slugs.Add(VoidRequestedSlug);
            return [.. slugs];
        }
    }
}
