using CommandCenter.Domain.Cases;

namespace CommandCenter.Domain.Intake;

/// <summary>
/// 公开进度: what the public status page and Open311 say about a case. Only stage changes are public; who acted, notes,
/// reminders, extensions and returns between departments stay inside the centre.
/// </summary>
public static class PublicProgress
{
    public static PublicStage StageOf(CaseState state) => state switch
    {
        CaseState.Draft or CaseState.Reported => PublicStage.Received,
        CaseState.Verifying => PublicStage.Verifying,
        CaseState.PendingFiling or CaseState.Filed => PublicStage.Accepted,
        CaseState.Dispatched or CaseState.Returned or CaseState.ShelveRequested or CaseState.Shelved => PublicStage.Handling,
        CaseState.Handled or CaseState.Checking or CaseState.PendingClose or CaseState.SelfHandled => PublicStage.Checking,
        CaseState.Closed => PublicStage.Closed,
        CaseState.NotFiled => PublicStage.NotFiled,
        CaseState.Merged => PublicStage.Merged,
        CaseState.Voided => PublicStage.Voided,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static string Slug(this PublicStage stage) => stage switch
    {
        PublicStage.NotFiled => "not-filed",
        _ => stage.ToString().ToLowerInvariant(),
    };

    /// <summary>Open311 <c>status</c>: open until the case reached an end state (closed, not filed, merged, voided).</summary>
    public static bool IsOpen(CaseState state) => !state.IsTerminal();

    /// <summary>The moments the public stage changed, oldest first, from the case's transitions (time and state reached).</summary>
    public static IReadOnlyList<PublicMilestone> Milestones(IEnumerable<(DateTimeOffset At, CaseState To)> transitions)
    {
        var milestones = new List<PublicMilestone>();
        foreach (var (at, to) in transitions.OrderBy(t => t.At))
        {
            var stage = StageOf(to);
            if (milestones.Count == 0 || milestones[^1].Stage != stage)
            {
                milestones.Add(new PublicMilestone(at, stage));
            }
        }
        return milestones;
    }
}
