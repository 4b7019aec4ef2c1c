namespace CommandCenter.Domain.Cases;

/// <summary>The warning flags of a case from its counters: 推诿 (shirking: returned too often) and 多次返工 (reworked too often).</summary>
public readonly record struct CaseFlags(bool Shirking, bool MultipleRework)
{
    public static CaseFlags Of(int returnCount, int reworkCount, WorkflowSettings settings) =>
        new(returnCount > settings.ShirkingReturnsAbove, reworkCount >= settings.MultipleReworkAtLeast);

    public static CaseFlags Of(Case c, WorkflowSettings settings) => Of(c.ReturnCount, c.ReworkCount, settings);

    /// <summary>The flags as the screens and the live events carry them: "shirking", "rework".</summary>
    public string[] Slugs => (Shirking, MultipleRework) switch
    {
        (true, true) => ["shirking", "rework"],
        (true, false) => ["shirking"],
        (false, true) => ["rework"],
        _ => [],
    };
}
