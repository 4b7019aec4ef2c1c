namespace CommandCenter.Domain.Cases;

/// <summary>
/// The warning flags of a case: 推诿 (shirking: returned too often) and 多次返工 (reworked too often) from its counters,
/// and 优先 (urgent: priority raised at intake, e.g. vending by a school gate).
/// </summary>
public readonly record struct CaseFlags(bool Shirking, bool MultipleRework, bool Urgent = false)
{
    public static CaseFlags Of(int returnCount, int reworkCount, WorkflowSettings settings) =>
        new(returnCount > settings.ShirkingReturnsAbove, reworkCount >= settings.MultipleReworkAtLeast);

    public static CaseFlags Of(Case c, WorkflowSettings settings) => Of(c.ReturnCount, c.ReworkCount, settings) with { Urgent = c.Urgent };

    /// <summary>The flags as the screens and the live events carry them: "urgent", "shirking", "rework".</summary>
    public string[] Slugs
    {
        get
        {
            var slugs = new List<string>(3);
            if (Urgent)
            {
                slugs.Add("urgent");
            }
            if (Shirking)
            {
                slugs.Add("shirking");
            }
            if (MultipleRework)
            {
                slugs.Add("rework");
            }
            return [.. slugs];
        }
    }
}
