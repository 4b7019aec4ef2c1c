namespace CommandCenter.Domain.Cases;

/// <summary>
/// The workflow's admin settings beyond time limits: how many extensions the desks may grant before a leader must,
/// when returns count as 推诿 and reworks as 多次返工, and the duplicate window. Defaults follow domain.md §4.3–4.4.
/// </summary>
public sealed record WorkflowSettings
{
    /// <summary>Extensions the dispatcher or shift leader may approve; a further one goes to a leader (domain.md §4.4).</summary>
    public int MaxDeskExtensions { get; init; } = 2;

    /// <summary>推诿: returned more than this many times (a second return counts, domain.md §4.3).</summary>
    public int ShirkingReturnsAbove { get; init; } = 1;

    /// <summary>多次返工: reworked more than this many times (≥ 2, domain.md §4.3 #21).</summary>
    public int MultipleReworksAbove { get; init; } = 1;

    /// <summary>Likely duplicates: same category, within 50 m, reported within this window (domain.md §4.3 #3: 24 h).</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromHours(24);

    public static WorkflowSettings Defaults { get; } = new();

    public bool IsShirking(Case c) => c.ReturnCount > ShirkingReturnsAbove;

    public bool IsMultipleRework(Case c) => c.ReworkCount > MultipleReworksAbove;
}
