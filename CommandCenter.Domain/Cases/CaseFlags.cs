namespace CommandCenter.Domain.Cases;

/// <summary>
/// The marks of a case beside its state: the warnings 推诿 (returned too often) and 多次返工 (reworked too often), and the
/// requests waiting for a decision (延期申请, 作废申请) that the dispatch and shift-lead desks queue.
/// </summary>
public readonly record struct CaseFlags(bool Shirking, bool MultipleRework, bool ExtensionRequested = false, bool VoidRequested = false)
{
    public const string ExtensionRequestedSlug = "extension-requested";
    public const string VoidRequestedSlug = "void-requested";

    public static CaseFlags Of(int returnCount, int reworkCount, WorkflowSettings settings) =>
        new(returnCount > settings.ShirkingReturnsAbove, reworkCount >= settings.MultipleReworkAtLeast);

    public static CaseFlags Of(Case c, WorkflowSettings settings) =>
        Of(c.ReturnCount, c.ReworkCount, settings) with { ExtensionRequested = c.PendingExtension is not null, VoidRequested = c.PendingVoid is not null };

    /// <summary>The flags as the screens and the live events carry them.</summary>
    public string[] Slugs
    {
        get
        {
            var slugs = new List<string>(4);
            if (Shirking) slugs.Add("shirking");
            if (MultipleRework) slugs.Add("rework");
            if (ExtensionRequested) slugs.Add(ExtensionRequestedSlug);
            if (VoidRequested) slugs.Add(VoidRequestedSlug);
            return [.. slugs];
        }
    }
}
