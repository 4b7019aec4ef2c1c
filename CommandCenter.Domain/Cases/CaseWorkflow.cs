using CommandCenter.Domain.Clocks;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// The case state machine as one table (domain.md §4.3): for each action, the states it starts from,
/// the roles that may take it, where it leads, what it requires and what it does to the clocks.
/// </summary>
public static class CaseWorkflow
{
    private static readonly Role[] Collectors = [Role.GridMember, Role.RoadDirector];
    private static readonly CaseState[] OpenStates = Enum.GetValues<CaseState>().Where(s => s.IsOpen()).ToArray();

    /// <summary>The transition table, read top to bottom.</summary>
    public static readonly IReadOnlyList<Transition> Table =
    [
        new(CaseAction.Report, [CaseState.Draft], Collectors, _ => CaseState.Reported, Needs.None, (c, x) => x.StartStep(c, "accept", x.Rules.Steps.Accept)),
        new(CaseAction.Accept, [CaseState.Reported], [Role.Intake],
            c => c.Source.NeedsVerification() ? CaseState.Verifying : CaseState.PendingFiling, Needs.None,
            (c, x) => { if (c.Source.NeedsVerification()) x.StartStep(c, "verify", x.Rules.Steps.Verify); else x.StartStep(c, "file", x.Rules.Steps.File); }),
        new(CaseAction.Verify, [CaseState.Verifying], [Role.GridMember], _ => CaseState.PendingFiling, Needs.Photo, (c, x) => x.StartStep(c, "file", x.Rules.Steps.File)),
        new(CaseAction.VerifyFalse, [CaseState.Verifying], [Role.GridMember], _ => CaseState.NotFiled, Needs.Note, (c, x) => { c.RejectionReason = "untrue"; x.Finish(c); }),
        new(CaseAction.Merge, [CaseState.Reported, CaseState.PendingFiling], [Role.Intake, Role.ShiftLead], _ => CaseState.Merged, Needs.Master,
            (c, x) => { c.MasterCaseId = x.Input.MasterCaseId; x.Finish(c); }),
        new(CaseAction.Reject, [CaseState.Reported, CaseState.PendingFiling], [Role.ShiftLead], _ => CaseState.NotFiled, Needs.Reason,
            (c, x) => { c.RejectionReason = x.Input.Reason; x.Finish(c); }),
        new(CaseAction.File, [CaseState.PendingFiling], [Role.ShiftLead], _ => CaseState.Filed, Needs.None, (c, x) => x.StartStep(c, "dispatch", x.Rules.Steps.Dispatch)),
        new(CaseAction.Dispatch, [CaseState.Filed], [Role.Dispatcher], _ => CaseState.Dispatched, Needs.Department,
            (c, x) => { c.DepartmentCode = x.Input.Department; c.DispatchCount++; x.StartStep(c, "handle", x.Rules.HandlingLimit); }),
        new(CaseAction.Return, [CaseState.Dispatched], [Role.Handler], _ => CaseState.Returned, Needs.Note, (c, _) => c.ReturnCount++),
        new(CaseAction.ApproveReturn, [CaseState.Returned], [Role.Dispatcher, Role.ShiftLead], _ => CaseState.Dispatched, Needs.OtherDepartment,
            (c, x) => { c.DepartmentCode = x.Input.Department; c.DispatchCount++; c.PendingExtension = null; x.StartStep(c, "handle", x.Rules.HandlingLimit); }),
        new(CaseAction.DenyReturn, [CaseState.Returned], [Role.Dispatcher], _ => CaseState.Dispatched, Needs.Note, (_, _) => { }),
        new(CaseAction.RequestExtension, [CaseState.Dispatched], [Role.Handler], _ => CaseState.Dispatched, Needs.Note | Needs.Extension | Needs.NoPendingExtension | Needs.BeforeDeadline,
            (c, x) => c.PendingExtension = x.Input.Extension),
        new(CaseAction.ApproveExtension, [CaseState.Dispatched], [Role.Dispatcher, Role.ShiftLead], _ => CaseState.Dispatched, Needs.PendingExtension,
            (c, x) => x.Extend(c)),
        new(CaseAction.DenyExtension, [CaseState.Dispatched], [Role.Dispatcher, Role.ShiftLead], _ => CaseState.Dispatched, Needs.PendingExtension | Needs.Note,
            (c, _) => c.PendingExtension = null),
        new(CaseAction.RequestShelve, [CaseState.Dispatched], [Role.Handler], _ => CaseState.ShelveRequested, Needs.Note, (_, _) => { }),
        new(CaseAction.ApproveShelve, [CaseState.ShelveRequested], [Role.Dispatcher], _ => CaseState.Shelved, Needs.None, (c, x) => c.ClockPausedAt = x.Now),
        new(CaseAction.DenyShelve, [CaseState.ShelveRequested], [Role.Dispatcher], _ => CaseState.Dispatched, Needs.Note, (_, _) => { }),
        new(CaseAction.Restore, [CaseState.Shelved], [Role.Dispatcher], _ => CaseState.Dispatched, Needs.None,
            (c, x) => { c.PendingExtension = null; x.StartStep(c, "handle", x.Rules.HandlingLimit); }),
        new(CaseAction.Handle, [CaseState.Dispatched], [Role.Handler], _ => CaseState.Handled, Needs.Photo,
            (c, x) => { c.HandlingOnTime ??= x.Now <= c.StepDeadline; c.PendingExtension = null; x.StartStep(c, "check", x.Rules.Steps.Check); }),
        new(CaseAction.SendCheck, [CaseState.Handled], [Role.Intake], _ => CaseState.Checking, Needs.None, (_, _) => { }),
        new(CaseAction.CheckPass, [CaseState.Checking], [Role.GridMember], _ => CaseState.PendingClose, Needs.Photo, (c, x) => x.StartStep(c, "close", x.Rules.Steps.Close)),
        new(CaseAction.CheckFail, [CaseState.Checking], [Role.GridMember, Role.ShiftLead], _ => CaseState.Dispatched, Needs.Note,
            (c, x) => { c.ReworkCount++; x.StartStep(c, "handle", x.Rules.HandlingLimit); }),
        new(CaseAction.Close, [CaseState.PendingClose], [Role.ShiftLead], _ => CaseState.Closed, Needs.Resolution,
            (c, x) => { c.Resolution = x.Input.Resolution; c.ClosedAt = x.Now; x.Finish(c); }),
        new(CaseAction.SelfHandle, [CaseState.Draft, CaseState.Reported], Collectors, _ => CaseState.SelfHandled, Needs.TwoPhotos,
            (c, x) => x.StartStep(c, "close", x.Rules.Steps.Close)),
        new(CaseAction.ApproveSelfHandled, [CaseState.SelfHandled], [Role.Intake, Role.ShiftLead], _ => CaseState.Closed, Needs.None,
            (c, x) => { c.ClosedAt = x.Now; x.Finish(c); }),
        new(CaseAction.RejectSelfHandled, [CaseState.SelfHandled], [Role.Intake, Role.ShiftLead], _ => CaseState.PendingFiling, Needs.Note,
            (c, x) => x.StartStep(c, "file", x.Rules.Steps.File)),
        new(CaseAction.Void, OpenStates, [Role.ShiftLead], _ => CaseState.Voided, Needs.Note, (c, x) => x.Finish(c)),
        new(CaseAction.Supervise, [CaseState.Dispatched, CaseState.Returned, CaseState.Handled],
            [Role.ShiftLead, Role.Leader, Role.RoadDirector], c => c.State, Needs.Note, (c, _) => c.SupervisionLevel++),
    ];

    private static readonly Dictionary<CaseAction, Transition> ByAction = Table.ToDictionary(t => t.Action);

    /// <summary>The action slugs <paramref name="actor"/> may take on the case now (state, role, scope and pending requests).</summary>
    public static IReadOnlyList<string> AllowedActions(Case c, Actor actor, DateTimeOffset now) =>
        Table.Where(t => t.From.Contains(c.State) && StateGuard(t, c, now) is null && ActingRole(t, c, actor) is not null)
            .Select(t => t.Action.Slug()).ToList();

    /// <summary>
    /// Decides and applies an action: returns the audit line, or why it was refused (and then the case is untouched).
    /// </summary>
    public static (CaseTransition? Done, CaseRefusal? Refused) Apply(
        Case c, CaseAction action, Actor actor, CaseActionInput input, CaseRules rules, DateTimeOffset now)
    {
        var t = ByAction[action];
        if (!t.From.Contains(c.State) || StateGuard(t, c, now) is { } stateProblem)
        {
            var why = t.From.Contains(c.State) ? StateGuard(t, c, now)! : $"案件当前为「{c.State.NameZh()}」，不能「{action.NameZh()}」";
            return (null, Refuse(CaseRefusalKind.NotNow, $"{why} / '{action.Slug()}' is not possible while the case is {c.State.Slug()}", c, actor, now));
        }
        if (ActingRole(t, c, actor) is not { } role)
        {
            var roles = string.Join("、", t.Roles.Select(r => r.NameZh()));
            var scope = t.Roles.Any(actor.Has)
                ? (actor.Has(Role.Handler) ? "只能处理本部门的案件 / handlers act only on their own department's cases"
                    : "只能处理本责任网格的案件 / grid members act only in their own duty grid")
                : $"只有{roles}可以「{action.NameZh()}」 / only {string.Join(", ", t.Roles.Select(r => r.Slug()))} may '{action.Slug()}'";
            return (null, Refuse(CaseRefusalKind.Forbidden, scope, c, actor, now));
        }
        if (InputProblems(t, c, input) is { Count: > 0 } fields)
        {
            return (null, Refuse(CaseRefusalKind.InvalidInput, string.Join("; ", fields.Values), c, actor, now, fields));
        }

        var from = c.State;
        var to = t.To(c);
        var effects = new Effects(rules, input, now);
        t.Effect(c, effects);
        c.State = to;
        c.UpdatedAt = now;
        c.Version++;
        return (new CaseTransition(action, from, to, actor.UserName, role, now, input.Note?.Trim(), input.PhotoIds,
            c.DepartmentCode, c.StepDeadline, action == CaseAction.Handle ? c.HandlingOnTime : null), null);
    }

    /// <summary>Starts the clock of a freshly registered case (受理 step).</summary>
    public static void StartIntakeClock(Case c, CaseRules rules, DateTimeOffset now) => new Effects(rules, CaseActionInput.None, now).StartStep(c, "accept", rules.Steps.Accept);

    private static CaseRefusal Refuse(CaseRefusalKind kind, string message, Case c, Actor actor, DateTimeOffset now, IReadOnlyDictionary<string, string>? fields = null)
    {
        var allowed = AllowedActions(c, actor, now);
        var hint = $"现在可执行 / possible now: {(allowed.Count == 0 ? "无 / none" : string.Join(", ", allowed))}";
        return new CaseRefusal(kind, $"{message}. {hint}", allowed, fields);
    }

    /// <summary>The role the actor acts in: one the transition allows, whose scope covers this case.</summary>
    private static Role? ActingRole(Transition t, Case c, Actor actor)
    {
        foreach (var role in t.Roles.Where(actor.Has))
        {
            var inScope = role switch
            {
                Role.GridMember => actor.DutyGridCode == c.DutyGridCode,
                Role.Handler => actor.DepartmentCode is not null && actor.DepartmentCode == c.DepartmentCode,
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
        if (t.Needs.HasFlag(Needs.PendingExtension) && c.PendingExtension is null)
        {
            return "没有待审批的延期申请";
        }
        if (t.Needs.HasFlag(Needs.NoPendingExtension) && c.PendingExtension is not null)
        {
            return "已有待审批的延期申请";
        }
        if (t.Needs.HasFlag(Needs.BeforeDeadline) && c.StepDeadline is { } deadline && now > deadline)
        {
            return "已超过处置期限，不能再申请延期";
        }
        return null;
    }

    private static Dictionary<string, string> InputProblems(Transition t, Case c, CaseActionInput input)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var n = t.Needs;
        if (n.HasFlag(Needs.Note) && string.IsNullOrWhiteSpace(input.Note))
        {
            problems["note"] = $"「{t.Action.NameZh()}」需要填写原因或说明 / a note (reason) is required";
        }
        if ((n.HasFlag(Needs.Department) || n.HasFlag(Needs.OtherDepartment)) && string.IsNullOrWhiteSpace(input.Department))
        {
            problems["department"] = "请选择责任部门 / a department code is required";
        }
        else if (n.HasFlag(Needs.OtherDepartment) && input.Department == c.DepartmentCode)
        {
            problems["department"] = "改派须选择另一个部门 / re-dispatch needs a different department";
        }
        if (n.HasFlag(Needs.Reason) && !RejectionReason.IsKnown(input.Reason))
        {
            problems["reason"] = $"请选择不予立案原因 / reason must be one of: {string.Join(", ", RejectionReason.All.Keys)}";
        }
        if (n.HasFlag(Needs.Master) && (input.MasterCaseId is null || input.MasterCaseId == c.Id))
        {
            problems["masterCaseId"] = "请指定要合并到的原案件 / masterCaseId must name another case";
        }
        if (n.HasFlag(Needs.Extension) && input.Extension is not (> 0 and <= 1000))
        {
            problems["extension"] = "延期时长须为正数 (与处置时限同单位) / extension must be a positive amount in the handling limit's unit";
        }
        if (n.HasFlag(Needs.Photo) && input.PhotoIds.Count < 1)
        {
            problems["photoIds"] = "需要至少一张照片 / at least one photo is required";
        }
        if (n.HasFlag(Needs.Resolution) && input.Resolution is not ("service" or "management" or "enforcement"))
        {
            problems["resolution"] = "结案须标注 721 分类: service(服务)、management(管理)、enforcement(执法) / closing needs the 721 tag: service, management or enforcement";
        }
        if (n.HasFlag(Needs.TwoPhotos) && input.PhotoIds.Count < 2)
        {
            problems["photoIds"] = "现场处置需要处置前、后照片 / before and after photos are required";
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
    }

    /// <summary>The clock operations a transition may perform.</summary>
    public sealed class Effects(CaseRules rules, CaseActionInput input, DateTimeOffset now)
    {
        public CaseRules Rules { get; } = rules;
        public CaseActionInput Input { get; } = input;
        public DateTimeOffset Now { get; } = now;

        /// <summary>Starts a fresh clock for a step with its full limit.</summary>
        public void StartStep(Case c, string step, TimeLimit limit)
        {
            c.ClockStep = step;
            c.StepStartedAt = Now;
            c.StepLimitValue = limit.Value;
            c.StepLimitUnit = limit.Unit;
            c.StepDeadline = Rules.Clock.Deadline(Now, limit);
            c.ClockPausedAt = null;
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

        public void Finish(Case c)
        {
            c.ClockStep = null;
            c.StepStartedAt = null;
            c.StepDeadline = null;
            c.StepLimitValue = null;
            c.StepLimitUnit = null;
            c.ClockPausedAt = null;
            c.PendingExtension = null;
        }
    }
}
