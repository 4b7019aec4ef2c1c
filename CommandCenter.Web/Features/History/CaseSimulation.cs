using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Rules;

namespace CommandCenter.Web.Features.History;

/// <summary>
/// Drives one case through <see cref="CaseWorkflow"/> as people would have, action by action at given times, with the
/// clock's automatic 催办/督办 taken in between exactly as the clock watcher takes them. Nothing happens after the
/// history's end: the first action past it stops the case where it stands.
/// </summary>
internal sealed class CaseSimulation(Case c, CaseRulesProvider.Snapshot rules, DateTimeOffset until)
{
    private static readonly IReadOnlyList<Guid> OnePhoto = [Guid.Empty];
    private static readonly IReadOnlyList<Guid> TwoPhotos = [Guid.Empty, Guid.Empty];
    private readonly CaseRules _rules = rules.For(c.CategoryCode);
    private readonly List<CaseEventRow> _events = [];

    public Case Case => c;

    public IReadOnlyList<CaseEventRow> Events => _events;

    /// <summary>The time of the last action; the next one must come later.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>False once the history's end has been reached; every later action is then skipped.</summary>
    public bool Running { get; private set; } = true;

    public bool Report(Actor actor, DateTimeOffset at)
    {
        var (done, refused) = CaseWorkflow.Report(c, actor, Input(CaseAction.Report, null), _rules, at);
        Check(CaseAction.Report, refused);
        _events.Add(CaseEventRows.From(c, done!, fromState: null, previousDepartment: null, rules));
        Now = at;
        return true;
    }

    /// <summary>Takes the action at <paramref name="at"/> (moved just after the previous one if need be); false when the history ended first.</summary>
    public bool Act(CaseAction action, Actor actor, DateTimeOffset at, CaseActionInput? input = null)
    {
        if (!Running)
        {
            return false;
        }
        if (at <= Now)
        {
            at = Now.AddSeconds(30);
        }
        if (at > until)
        {
            FireReminders(until);
            Running = false;
            return false;
        }
        FireReminders(at);
        Apply(action, actor, Input(action, input), at);
        return true;
    }

    /// <summary>The case is left as it is: reminders still fire up to the end of the history.</summary>
    public void Leave()
    {
        if (Running)
        {
            FireReminders(until);
            Running = false;
        }
    }

    private void FireReminders(DateTimeOffset upTo)
    {
        foreach (var (index, crossing) in CaseReminders.Due(c, _rules, upTo))
        {
            var action = CaseReminders.ActionFor(crossing.Reminder);
            var at = crossing.At <= Now ? Now.AddSeconds(1) : crossing.At;
            if (at > upTo || c.State is CaseState.Draft || c.State.IsTerminal() || (action == CaseAction.Remind && (c.StepDeadline is null || c.ClockPausedAt is not null)))
            {
                break;
            }
            Apply(action, HistoryStaff.System, new CaseActionInput { ReminderIndex = index, ReminderShare = crossing.Share }, at);
        }
    }

    private void Apply(CaseAction action, Actor actor, CaseActionInput input, DateTimeOffset at)
    {
        var from = c.State;
        var previousDepartment = c.DepartmentCode;
        var (done, refused) = CaseWorkflow.Apply(c, action, actor, input, _rules, at);
        Check(action, refused);
        var row = CaseEventRows.From(c, done!, from.Slug(), previousDepartment == c.DepartmentCode ? null : previousDepartment, rules);
        row.ReminderAt = input.ReminderShare;
        // The history has no photo files: the audit keeps none rather than links to nothing.
        row.PhotoIds = [];
        _events.Add(row);
        Now = at;
    }

    private void Check(CaseAction action, CaseRefusal? refused)
    {
        if (refused is not null)
        {
            throw new InvalidOperationException($"History case {c.Number}: {action.Slug()} refused in {c.State.Slug()}: {refused.Code} {string.Join(",", refused.FieldErrors.Select(f => f.Field + ":" + f.Code))}");
        }
    }

    /// <summary>What the workflow needs for the action: photos and notes as the field and the desks give them.</summary>
    private static CaseActionInput Input(CaseAction action, CaseActionInput? given)
    {
        var input = given ?? CaseActionInput.None;
        var photos = action switch
        {
            CaseAction.SelfHandle => TwoPhotos,
            CaseAction.Report or CaseAction.Verify or CaseAction.Handle or CaseAction.CheckPass => OnePhoto,
            _ => input.PhotoIds,
        };
        var needsNote = CaseWorkflow.InputsOf(action).Any(i => i.Field == "note" && i.Required);
        return input with { PhotoIds = photos, Note = input.Note ?? (needsNote ? action.Slug() : null) };
    }
}
