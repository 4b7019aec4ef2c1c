using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// The case state machine as one table (domain.md §4.3): for each action, the states it starts from, the roles that
/// may take it, where it leads, what it requires and what it does to the clocks. Forms, permissions and the audit
/// trail are all read from this table.
/// </summary>
public static class CaseWorkflow
{
    private static readonly Role[] Collectors = [Role.GridMember, Role.RoadDirector, Role.StreetChief];
    // Desk roles come first: someone who is both a grid member and a desk clerk registers as the desk.
    private static readonly Role[] Registrars = [Role.Intake, Role.ShiftLead, Role.Leader, Role.System, Role.GridMember, Role.RoadDirector, Role.Citizen, Role.StreetChief];
    private static readonly CaseState[] Open = CaseStates.Open.ToArray();
    private static readonly CaseState[] OpenAfterReport = Open.Where(s => s != CaseState.Draft).ToArray();

    /// <summary>The transition table, read top to bottom.</summary>
    public static readonly IReadOnlyList<Transition> Table =
    [
        new(CaseAction.Report, [CaseState.Draft], Registrars, _ => CaseState.Reported, Needs.PhotoFromField, (c, x) => x.StartStep(c, CaseStep.Accept)),
        new(CaseAction.Accept, [CaseState.Reported], [Role.Intake],
            c => c.Source.NeedsVerification() ? CaseState.Verifying : CaseState.PendingFiling, Needs.None,
            (c, x) => x.StartStep(c, c.Source.NeedsVerification() ? CaseStep.Verify : CaseStep.File)),
        new(CaseAction.Verify, [CaseState.Verifying], [Role.GridMember], _ => CaseState.PendingFiling, Needs.Photo, (c, x) => x.StartStep(c, CaseStep.File)),
        new(CaseAction.VerifyFalse, [CaseState.Verifying], [Role.GridMember], _ => CaseState.NotFiled, Needs.Note, (c, x) => { c.RejectionReason = "untrue"; x.Finish(c); }),
        new(CaseAction.Merge, [CaseState.Reported, CaseState.PendingFiling], [Role.Intake, Role.ShiftLead], _ => CaseState.Merged, Needs.Master,
            (c, x) => { c.MasterCaseId = x.Input.MasterCaseId; x.Finish(c); }),
        new(CaseAction.Reject, [CaseState.Reported, CaseState.Verifying, CaseState.PendingFiling], [Role.ShiftLead], _ => CaseState.NotFiled, Needs.Reason,
            (c, x) => { c.RejectionReason = x.Input.Reason; x.Finish(c); }),
        new(CaseAction.File, [CaseState.PendingFiling], [Role.ShiftLead], _ => CaseState.Filed, Needs.OptionalCategory,
            (c, x) => { if (x.Input.Category is { Length: > 0 } corrected) c.CategoryCode = corrected; x.StartStep(c, CaseStep.Dispatch); }),
        new(CaseAction.Dispatch, [CaseState.Filed], [Role.Dispatcher], _ => CaseState.Dispatched, Needs.Department,
            (c, x) => { c.DepartmentCode = x.Input.Department; c.DispatchCount++; x.StartStep(c, CaseStep.Handle); }),
        new(CaseAction.Return, [CaseState.Dispatched], [Role.Handler], _ => CaseState.Returned, Needs.Note, (c, _) => c.ReturnCount++),
        new(CaseAction.ApproveReturn, [CaseState.Returned], [Role.Dispatcher, Role.ShiftLead], _ => CaseState.Dispatched, Needs.OtherDepartment,
            (c, x) => { c.DepartmentCode = x.Input.Department; c.DispatchCount++; c.PendingExtension = null; x.StartStep(c, CaseStep.Handle); }),
        new(CaseAction.DenyReturn, [CaseState.Returned], [Role.Dispatcher], _ => CaseState.Dispatched, Needs.Note, (_, _) => { }),
        new(CaseAction.RequestExtension, [CaseState.Dispatched], [Role.Handler], _ => CaseState.Dispatched,
            Needs.Note | Needs.Extension | Needs.NoPendingExtension | Needs.BeforeDeadline, (c, x) => c.PendingExtension = x.Input.Extension),
        new(CaseAction.ApproveExtension, [CaseState.Dispatched], [Role.Dispatcher, Role.ShiftLead, Role.Leader], _ => CaseState.Dispatched,
            Needs.PendingExtension | Needs.LeaderPastDeskExtensions, (c, x) => x.Extend(c)),
        new(CaseAction.DenyExtension, [CaseState.Dispatched], [Role.Dispatcher, Role.ShiftLead, Role.Leader], _ => CaseState.Dispatched,
            Needs.PendingExtension | Needs.Note | Needs.LeaderPastDeskExtensions, (c, _) => c.PendingExtension = null),
        new(CaseAction.RequestShelve, [CaseState.Dispatched], [Role.Handler], _ => CaseState.ShelveRequested, Needs.Note, (_, _) => { }),
        new(CaseAction.ApproveShelve, [CaseState.ShelveRequested], [Role.Dispatcher], _ => CaseState.Shelved, Needs.None, (c, x) => c.ClockPausedAt = x.Now),
        new(CaseAction.DenyShelve, [CaseState.ShelveRequested], [Role.Dispatcher], _ => CaseState.Dispatched, Needs.Note, (_, _) => { }),
        new(CaseAction.Restore, [CaseState.Shelved], [Role.Dispatcher], _ => CaseState.Dispatched, Needs.None,
            (c, x) => { c.PendingExtension = null; x.StartStep(c, CaseStep.Handle); }),
        new(CaseAction.Handle, [CaseState.Dispatched], [Role.Handler], _ => CaseState.Handled, Needs.Photo,
            (c, x) => { c.HandlingOnTime ??= x.Now <= c.StepDeadline; c.PendingExtension = null; x.StartStep(c, CaseStep.SendCheck); }),
        new(CaseAction.SendCheck, [CaseState.Handled], [Role.Intake], _ => CaseState.Checking, Needs.None, (c, x) => x.StartStep(c, CaseStep.Check)),
        new(CaseAction.CheckPass, [CaseState.Checking], [Role.GridMember], _ => CaseState.PendingClose, Needs.Photo, (c, x) => x.StartStep(c, CaseStep.Close)),
        new(CaseAction.CheckFail, [CaseState.Checking], [Role.GridMember, Role.ShiftLead], _ => CaseState.Dispatched, Needs.Note,
            (c, x) => { c.ReworkCount++; x.StartStep(c, CaseStep.Handle); }),
        new(CaseAction.Close, [CaseState.PendingClose], [Role.ShiftLead], _ => CaseState.Closed, Needs.Resolution,
            (c, x) => { c.Resolution = x.Input.Resolution; c.ClosedAt = x.Now; x.Finish(c); }),
        new(CaseAction.SelfHandle, [CaseState.Draft, CaseState.Reported], Collectors, _ => CaseState.SelfHandled, Needs.TwoPhotos,
            (c, x) => x.StartStep(c, CaseStep.Close)),
        // On-the-spot fixes carry the 721 tag like closes, so the 721 ratio counts every resolved case (issue: workflow fidelity).
        new(CaseAction.ApproveSelfHandled, [CaseState.SelfHandled], [Role.Intake, Role.ShiftLead], _ => CaseState.Closed, Needs.Resolution,
            (c, x) => { c.Resolution = x.Input.Resolution; c.ClosedAt = x.Now; x.Finish(c); }),
        new(CaseAction.RejectSelfHandled, [CaseState.SelfHandled], [Role.Intake, Role.ShiftLead], _ => CaseState.PendingFiling, Needs.Note,
            (c, x) => x.StartStep(c, CaseStep.File)),
        // 作废: a desk asks, the shift leader decides (domain.md §4.3 #25).
        new(CaseAction.RequestVoid, OpenAfterReport, [Role.Intake, Role.Dispatcher], c => c.State, Needs.Note | Needs.NoPendingVoid,
            (c, x) => c.PendingVoid = x.Input.Note?.Trim()),
        new(CaseAction.ApproveVoid, OpenAfterReport, [Role.ShiftLead], _ => CaseState.Voided, Needs.PendingVoid, (c, x) => x.Finish(c)),
        new(CaseAction.DenyVoid, OpenAfterReport, [Role.ShiftLead], c => c.State, Needs.PendingVoid | Needs.Note, (c, _) => c.PendingVoid = null),
        // 催办 and 督办: taken by the clock at the warning points and at the deadline, or by a person at any time.
        new(CaseAction.Remind, OpenAfterReport, [Role.System, Role.ShiftLead, Role.Leader], c => c.State, Needs.RunningClock | Needs.NoteUnlessSystem,
            (c, x) => { c.ReminderCount++; x.CountReminder(c); }),
        new(CaseAction.Supervise, OpenAfterReport, [Role.System, Role.ShiftLead, Role.Leader, Role.RoadDirector], c => c.State, Needs.NoteUnlessSystem,
            (c, x) => { c.SupervisionLevel++; x.CountReminder(c); }),
    ];

    private static readonly Dictionary<CaseAction, Transition> ByAction = Table.ToDictionary(t => t.Action);

    public static Transition Of(CaseAction action) => ByAction[action];

    /// <summary>The action slugs <paramref name="actor"/> may take on the case now (state, role, scope and pending requests).</summary>
    public static IReadOnlyList<string> AllowedActions(Case c, Actor actor, CaseRules rules, DateTimeOffset now) =>
        Table.Where(t => t.Action != CaseAction.Report && t.From.Contains(c.State) && StateGuard(t, c, now) is null
                && ActingRole(t, c, actor, rules) is not null && !(t.Roles.Contains(Role.System) && OnlySystem(actor)))
            .Select(t => t.Action.Slug()).ToList();

    /// <summary>What a form for <paramref name="action"/> must ask for.</summary>
    public static IReadOnlyList<ActionInputNeed> InputsOf(CaseAction action)
    {
        var n = ByAction[action].Needs;
        var inputs = new List<ActionInputNeed>();
        if (n.HasFlag(Needs.Department) || n.HasFlag(Needs.OtherDepartment)) inputs.Add(new("department", true));
        if (n.HasFlag(Needs.OptionalCategory)) inputs.Add(new("category", false));
        if (n.HasFlag(Needs.Reason)) inputs.Add(new("reason", true));
        if (n.HasFlag(Needs.Master)) inputs.Add(new("masterCaseId", true));
        if (n.HasFlag(Needs.Extension)) inputs.Add(new("extension", true));
        if (n.HasFlag(Needs.Resolution)) inputs.Add(new("resolution", true));
        inputs.Add(new("note", n.HasFlag(Needs.Note) || n.HasFlag(Needs.NoteUnlessSystem)));
        if (n.HasFlag(Needs.TwoPhotos)) inputs.Add(new("photoIds", true, 2));
        else if (n.HasFlag(Needs.Photo)) inputs.Add(new("photoIds", true, 1));
        else if (n.HasFlag(Needs.PhotoFromField)) inputs.Add(new("photoIds", false, 1));
        return inputs;
    }

    /// <summary>
    /// 上报/登记: decides whether <paramref name="actor"/> may report the located draft <paramref name="c"/> and, if so,
    /// makes it 待受理 with the intake clock running.
    /// </summary>
    public static (CaseTransition? Done, CaseRefusal? Refused) Report(Case c, Actor actor, CaseActionInput input, CaseRules rules, DateTimeOffset now)
    {
        c.State = CaseState.Draft;
        return Apply(c, CaseAction.Report, actor, input, rules, now);
    }

    /// <summary>Whether the person may report at all (before a place is known).</summary>
    public static bool MayReport(Actor actor) => Registrars.Any(actor.Has);

    /// <summary>The source of a report when the reporter does not name one.</summary>
    public static CaseSource DefaultSource(Actor actor) =>
        actor.Has(Role.Intake) || actor.Has(Role.ShiftLead) ? CaseSource.Hotline12319
        : actor.Has(Role.Leader) ? CaseSource.Leader
        : actor.Has(Role.RoadDirector) ? CaseSource.RoadDirector
        : actor.Has(Role.GridMember) || actor.Has(Role.StreetChief) ? CaseSource.Patrol
        : actor.Has(Role.Citizen) ? CaseSource.Public
        : CaseSource.Hotline12319;

    /// <summary>
    /// Decides and applies an action: returns the audit line, or why it was refused (and then the case is untouched).
    /// </summary>
    public static (CaseTransition? Done, CaseRefusal? Refused) Apply(
        Case c, CaseAction action, Actor actor, CaseActionInput input, CaseRules rules, DateTimeOffset now)
    {
        var t = ByAction[action];
        if (!t.From.Contains(c.State))
        {
            return (null, Refuse(CaseRefusal.Because(CaseRefusalKind.NotNow, "ActionNotNow", c.State, action), c, actor, rules, now));
        }
        if (StateGuard(t, c, now) is { } guard)
        {
            return (null, Refuse(CaseRefusal.Because(CaseRefusalKind.NotNow, guard, action), c, actor, rules, now));
        }
        if (ActingRole(t, c, actor, rules) is not { } role)
        {
            return (null, Refuse(Forbidden(t, c, actor, rules), c, actor, rules, now));
        }
        if (InputProblems(t, c, input, role) is { Count: > 0 } fields)
        {
            return (null, Refuse(new CaseRefusal(CaseRefusalKind.InvalidInput, "InvalidInput", [], [], fields), c, actor, rules, now));
        }

        var from = c.State;
        var to = t.To(c);
        var effects = new Effects(rules, input, now);
        t.Effect(c, effects);
        c.State = to;
        c.UpdatedAt = now;
        c.Version++;
        c.NextReminderAt = to.IsTerminal() ? null : CaseReminders.NextAt(c, rules);
        return (new CaseTransition(action, from, to, actor.UserName, role, now, input.Note?.Trim(), input.PhotoIds,
            c.DepartmentCode, c.ClockStep, c.StepDeadline, effects.Finished), null);
    }

    private static CaseRefusal Refuse(CaseRefusal refusal, Case c, Actor actor, CaseRules rules, DateTimeOffset now) =>
        refusal with { AllowedActions = AllowedActions(c, actor, rules, now) };

    private static CaseRefusal Forbidden(Transition t, Case c, Actor actor, CaseRules rules)
    {
        if (t.Needs.HasFlag(Needs.LeaderPastDeskExtensions) && c.ExtensionCount >= rules.Settings.MaxDeskExtensions && t.Roles.Any(actor.Has))
        {
            return CaseRefusal.Because(CaseRefusalKind.Forbidden, "ExtensionNeedsLeader", rules.Settings.MaxDeskExtensions);
        }
        if (t.Roles.Any(actor.Has))
        {
            return CaseRefusal.Because(CaseRefusalKind.Forbidden,
                actor.Has(Role.Handler) ? "OwnDepartmentOnly" : actor.Has(Role.StreetChief) && !actor.Has(Role.GridMember) ? "OwnStreetOnly" : "OwnDutyGridOnly");
        }
        return CaseRefusal.Because(CaseRefusalKind.Forbidden, "OnlyRoles", t.Action, t.Roles.Where(r => r != Role.System).ToArray());
    }

    private static bool OnlySystem(Actor actor) => actor.Roles.Count == 1 && actor.Has(Role.System);

    /// <summary>The role the actor acts in: one the transition allows, whose scope covers this case.</summary>
    private static Role? ActingRole(Transition t, Case c, Actor actor, CaseRules rules)
    {
        var roles = t.Needs.HasFlag(Needs.LeaderPastDeskExtensions) && c.ExtensionCount >= rules.Settings.MaxDeskExtensions
            ? [Role.Leader]
            : t.Roles;
        foreach (var role in roles.Where(actor.Has))
        {
            var inScope = role switch
            {
                Role.GridMember => actor.DutyGridCode == c.DutyGridCode,
                Role.Handler => actor.DepartmentCode is not null && actor.DepartmentCode == c.DepartmentCode,
                // A chief acts on the cases linked to them: those on their street while they are in charge.
                Role.StreetChief => actor.PersonId is not null && actor.PersonId == c.StreetChiefPersonId,
                _ => true,
            };
            if (inScope)
            {
                return role;
            }
        }
        return null;
    }

    private static string? StateGuard(Transition t, Case c, DateTimeOffset now)
    {
        var n = t.Needs;
        if (n.HasFlag(Needs.PendingExtension) && c.PendingExtension is null) return "NoPendingExtension";
        if (n.HasFlag(Needs.NoPendingExtension) && c.PendingExtension is not null) return "ExtensionPending";
        if (n.HasFlag(Needs.BeforeDeadline) && c.StepDeadline is { } deadline && now > deadline) return "PastDeadline";
        if (n.HasFlag(Needs.PendingVoid) && c.PendingVoid is null) return "NoPendingVoid";
        if (n.HasFlag(Needs.NoPendingVoid) && c.PendingVoid is not null) return "VoidPending";
        if (n.HasFlag(Needs.RunningClock) && (c.StepDeadline is null || c.ClockPausedAt is not null)) return "NoRunningClock";
        return null;
    }

    private static List<FieldError> InputProblems(Transition t, Case c, CaseActionInput input, Role role)
    {
        var problems = new List<FieldError>();
        var n = t.Needs;
        if ((n.HasFlag(Needs.Note) || (n.HasFlag(Needs.NoteUnlessSystem) && role != Role.System)) && string.IsNullOrWhiteSpace(input.Note))
        {
            problems.Add(new("note", "NoteRequired", t.Action));
        }
        if ((n.HasFlag(Needs.Department) || n.HasFlag(Needs.OtherDepartment)) && string.IsNullOrWhiteSpace(input.Department))
        {
            problems.Add(new("department", "DepartmentRequired"));
        }
        else if (n.HasFlag(Needs.OtherDepartment) && input.Department == c.DepartmentCode)
        {
            problems.Add(new("department", "OtherDepartmentRequired"));
        }
        if (n.HasFlag(Needs.Reason) && !RejectionReason.IsKnown(input.Reason))
        {
            problems.Add(new("reason", "ReasonRequired", string.Join(", ", RejectionReason.Slugs)));
        }
        if (n.HasFlag(Needs.Master) && (input.MasterCaseId is null || input.MasterCaseId == c.Id))
        {
            problems.Add(new("masterCaseId", "MasterRequired"));
        }
        if (n.HasFlag(Needs.Extension) && input.Extension is not (> 0 and <= 1000))
        {
            problems.Add(new("extension", "ExtensionInvalid"));
        }
        if (n.HasFlag(Needs.Resolution) && input.Resolution is null)
        {
            problems.Add(new("resolution", "ResolutionRequired", string.Join(", ", Resolutions721.Slugs)));
        }
        var photosNeeded = n.HasFlag(Needs.TwoPhotos) ? 2
            : n.HasFlag(Needs.Photo) || (n.HasFlag(Needs.PhotoFromField) && Collectors.Contains(role)) ? 1 : 0;
        if (input.PhotoIds.Count < photosNeeded)
        {
            problems.Add(new("photoIds", photosNeeded == 2 ? "TwoPhotosRequired" : "PhotoRequired"));
        }
        return problems;
    }

    /// <summary>One row of the table.</summary>
    public sealed record Transition(
        CaseAction Action,
        IReadOnlyList<CaseState> From,
        IReadOnlyList<Role> Roles,
        Func<Case, CaseState> To,
        Needs Needs,
        Action<Case, Effects> Effect);

    /// <summary>What an action requires of its input or of the case.</summary>
    [Flags]
    public enum Needs
    {
        None = 0,
        Note = 1,
        Department = 2,
        OtherDepartment = 4,
        Reason = 8,
        Master = 16,
        Extension = 32,
        PendingExtension = 64,
        NoPendingExtension = 128,
        BeforeDeadline = 256,
        Photo = 512,
        TwoPhotos = 1024,
        Resolution = 2048,
        /// <summary>A photo when reported from the street (grid member, road director), not from a desk (domain.md §4.3 #2–3).</summary>
        PhotoFromField = 4096,
        /// <summary>The shift leader may correct the category when filing.</summary>
        OptionalCategory = 8192,
        PendingVoid = 16384,
        NoPendingVoid = 32768,
        RunningClock = 65536,
        /// <summary>A note from people; the clock's automatic actions carry none.</summary>
        NoteUnlessSystem = 131072,
        /// <summary>Past the desks' number of extensions only a leader decides (domain.md §4.4).</summary>
        LeaderPastDeskExtensions = 262144,
    }

    /// <summary>The clock operations a transition may perform.</summary>
    public sealed class Effects(CaseRules rules, CaseActionInput input, DateTimeOffset now)
    {
        public CaseRules Rules { get; } = rules;
        public CaseActionInput Input { get; } = input;
        public DateTimeOffset Now { get; } = now;

        /// <summary>The step this action ended, if it ended one.</summary>
        public StepOutcome? Finished { get; private set; }

        /// <summary>Starts a fresh clock for a step with its full limit, ending the step that ran before.</summary>
        public void StartStep(Case c, CaseStep step)
        {
            FinishRunning(c);
            var limit = Rules.LimitOf(step);
            c.ClockStep = step;
            c.StepStartedAt = Now;
            c.StepLimitValue = limit.Value;
            c.StepLimitUnit = limit.Unit;
            c.StepDeadline = Rules.Clock.Deadline(Now, limit);
            c.ClockPausedAt = null;
            c.StepRemindersSent = 0;
        }

        /// <summary>Grants the pending extension: the limit grows and the deadline moves by the same amount of (working) time.</summary>
        public void Extend(Case c)
        {
            var extra = new TimeLimit(c.PendingExtension!.Value, c.StepLimitUnit ?? Rules.HandlingLimit.Unit);
            c.StepDeadline = Rules.Clock.Deadline(c.StepDeadline ?? Now, extra);
            c.StepLimitValue = (c.StepLimitValue ?? 0) + extra.Value;
            c.ExtensionCount++;
            c.PendingExtension = null;
        }

        /// <summary>An automatic reminder moves the step's reminder mark past the threshold it answers.</summary>
        public void CountReminder(Case c)
        {
            if (Input.ReminderIndex is { } index && index >= c.StepRemindersSent)
            {
                c.StepRemindersSent = index + 1;
            }
        }

        /// <summary>No clock runs any more (terminal states).</summary>
        public void Finish(Case c)
        {
            FinishRunning(c);
            c.ClockStep = null;
            c.StepStartedAt = null;
            c.StepDeadline = null;
            c.StepLimitValue = null;
            c.StepLimitUnit = null;
            c.ClockPausedAt = null;
            c.PendingExtension = null;
            c.PendingVoid = null;
            c.StepRemindersSent = 0;
        }

        private void FinishRunning(Case c)
        {
            if (c.ClockStep is { } step && c.StepDeadline is { } deadline)
            {
                // A shelved clock stood still: it ended when it was paused.
                Finished = new StepOutcome(step, deadline, (c.ClockPausedAt ?? Now) <= deadline);
            }
        }
    }
}
