namespace CommandCenter.Domain.Cases;

/// <summary>Facts about states: which are final, which are open, and their slugs.</summary>
public static class CaseStates
{
    public static bool IsTerminal(this CaseState state) =>
        state is CaseState.Closed or CaseState.NotFiled or CaseState.Voided or CaseState.Merged;

    public static bool IsOpen(this CaseState state) => !state.IsTerminal();

    /// <summary>Every state a case can still move out of: the one list queries, maps and walls use.</summary>
    public static IReadOnlyList<CaseState> Open { get; } = Enum.GetValues<CaseState>().Where(IsOpen).ToList();

    public static string Slug(this CaseState state) => state switch
    {
        CaseState.PendingFiling => "pending-filing",
        CaseState.ShelveRequested => "shelve-requested",
        CaseState.PendingClose => "pending-close",
        CaseState.SelfHandled => "self-handled",
        CaseState.NotFiled => "not-filed",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? slug, out CaseState state)
    {
        foreach (var s in Enum.GetValues<CaseState>())
        {
            if (s.Slug() == slug)
            {
                state = s;
                return true;
            }
        }
        state = default;
        return false;
    }
}
