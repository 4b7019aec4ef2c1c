using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;
using static CommandCenter.Tests.Domain.CaseFixtures;

namespace CommandCenter.Tests.Domain;

public sealed class CaseWorkflowTests
{
    /// <summary>Every transition of domain.md §4.3, written out by hand: action, from, who, to.</summary>
    public static TheoryData<string, CaseState, string, CaseState> Transitions => new()
    {
        { "report", CaseState.Draft, "gridmember", CaseState.Reported },
        { "report", CaseState.Draft, "roaddirector", CaseState.Reported },
        { "report", CaseState.Draft, "intake", CaseState.Reported },
        { "report", CaseState.Draft, "citizen", CaseState.Reported },
        { "accept", CaseState.Reported, "intake", CaseState.PendingFiling },
        { "verify", CaseState.Verifying, "gridmember", CaseState.PendingFiling },
        { "verify-false", CaseState.Verifying, "gridmember", CaseState.NotFiled },
        { "merge", CaseState.Reported, "intake", CaseState.Merged },
        { "merge", CaseState.PendingFiling, "shiftlead", CaseState.Merged },
        { "reject", CaseState.Reported, "shiftlead", CaseState.NotFiled },
        { "reject", CaseState.PendingFiling, "shiftlead", CaseState.NotFiled },
        { "file", CaseState.PendingFiling, "shiftlead", CaseState.Filed },
        { "dispatch", CaseState.Filed, "dispatcher", CaseState.Dispatched },
        { "return", CaseState.Dispatched, "handler", CaseState.Returned },
        { "approve-return", CaseState.Returned, "dispatcher", CaseState.Dispatched },
        { "approve-return", CaseState.Returned, "shiftlead", CaseState.Dispatched },
        { "deny-return", CaseState.Returned, "dispatcher", CaseState.Dispatched },
        { "request-extension", CaseState.Dispatched, "handler", CaseState.Dispatched },
        { "approve-extension", CaseState.Dispatched, "dispatcher", CaseState.Dispatched },
        { "deny-extension", CaseState.Dispatched, "shiftlead", CaseState.Dispatched },
        { "request-shelve", CaseState.Dispatched, "handler", CaseState.ShelveRequested },
        { "approve-shelve", CaseState.ShelveRequested, "dispatcher", CaseState.Shelved },
        { "deny-shelve", CaseState.ShelveRequested, "dispatcher", CaseState.Dispatched },
        { "restore", CaseState.Shelved, "dispatcher", CaseState.Dispatched },
        { "handle", CaseState.Dispatched, "handler", CaseState.Handled },
        { "send-check", CaseState.Handled, "intake", CaseState.Checking },
        { "check-pass", CaseState.Checking, "gridmember", CaseState.PendingClose },
        { "check-fail", CaseState.Checking, "gridmember", CaseState.Dispatched },
        { "check-fail", CaseState.Checking, "shiftlead", CaseState.Dispatched },
        { "close", CaseState.PendingClose, "shiftlead", CaseState.Closed },
        { "self-handle", CaseState.Draft, "gridmember", CaseState.SelfHandled },
        { "self-handle", CaseState.Reported, "roaddirector", CaseState.SelfHandled },
        { "approve-self-handled", CaseState.SelfHandled, "intake", CaseState.Closed },
        { "reject-self-handled", CaseState.SelfHandled, "shiftlead", CaseState.PendingFiling },
        { "request-void", CaseState.Reported, "intake", CaseState.Reported },
        { "request-void", CaseState.Dispatched, "dispatcher", CaseState.Dispatched },
        { "approve-void", CaseState.Reported, "shiftlead", CaseState.Voided },
        { "approve-void", CaseState.Shelved, "shiftlead", CaseState.Voided },
        { "deny-void", CaseState.Filed, "shiftlead", CaseState.Filed },
        { "remind", CaseState.Dispatched, "system", CaseState.Dispatched },
        { "remind", CaseState.Filed, "shiftlead", CaseState.Filed },
        { "supervise", CaseState.Dispatched, "leader", CaseState.Dispatched },
        { "supervise", CaseState.Filed, "system", CaseState.Filed },
        { "supervise", CaseState.Returned, "shiftlead", CaseState.Returned },
        { "supervise", CaseState.Handled, "roaddirector", CaseState.Handled },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Every_transition_of_the_table_leads_where_the_domain_says(string slug, CaseState from, string who, CaseState to)
    {
        Assert.True(CaseActions.TryParse(slug, out var action));
        var c = Prepared(NewCase(from), action);
        var actor = Everyone.Single(a => a.UserName == who);
        var versionBefore = c.Version;
        if (actor.UserName != "system" && action != CaseAction.Report)
        {
            Assert.Contains(slug, CaseWorkflow.AllowedActions(c, actor, Rules, Tuesday9));
        }

        var (done, refused) = CaseWorkflow.Apply(c, action, actor, FullInput, Rules, Tuesday9);

        Assert.Null(refused);
        Assert.Equal(to, c.State);
        Assert.Equal(from, done!.From);
        Assert.Equal(to, done.To);
        Assert.Equal(who, done.Actor);
        Assert.Equal(Tuesday9, done.At);
        Assert.Equal(versionBefore + 1, c.Version);
    }

    [Fact]
    public void The_table_has_a_row_for_every_action_and_the_test_covers_each()
    {
        var covered = Transitions.Select(row => (string)row[0]).ToHashSet();
        Assert.Equal(Enum.GetValues<CaseAction>().Select(a => a.Slug()).Order(), covered.Order());
        Assert.Equal(Enum.GetValues<CaseAction>().Length, CaseWorkflow.Table.Count);
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Every_other_role_is_refused_with_403(string slug, CaseState from, string who, CaseState to)
    {
        _ = who;
        _ = to;
        CaseActions.TryParse(slug, out var action);
        var row = CaseWorkflow.Table.Single(t => t.Action == action);
        foreach (var actor in Everyone.Where(a => !row.Roles.Any(a.Has)))
        {
            var c = Prepared(NewCase(from), action);
            var (done, refused) = CaseWorkflow.Apply(c, action, actor, FullInput, Rules, Tuesday9);
            Assert.Null(done);
            Assert.Equal(CaseRefusalKind.Forbidden, refused!.Kind);
            Assert.Equal("OnlyRoles", refused.Code);
            Assert.Equal(from, c.State);
            Assert.Equal(0, c.Version);
            Assert.DoesNotContain(slug, CaseWorkflow.AllowedActions(c, actor, Rules, Tuesday9));
        }
    }

    [Fact]
    public void Every_action_is_refused_with_409_in_every_state_it_does_not_start_from()
    {
        foreach (var row in CaseWorkflow.Table)
        {
            foreach (var state in Enum.GetValues<CaseState>().Where(s => !row.From.Contains(s)))
            {
                var c = NewCase(state);
                var actor = Everyone.First(a => row.Roles.Any(a.Has));
                var (done, refused) = CaseWorkflow.Apply(c, row.Action, actor, FullInput, Rules, Tuesday9);
                Assert.Null(done);
                Assert.Equal(CaseRefusalKind.NotNow, refused!.Kind);
                Assert.Equal("ActionNotNow", refused.Code);
                Assert.Equal([state, row.Action], refused.Args);
                Assert.Equal(state, c.State);
            }
        }
    }

    [Fact]
    public void A_refusal_names_the_actions_possible_now()
    {
        var c = NewCase(CaseState.Filed);
        var (_, refused) = CaseWorkflow.Apply(c, CaseAction.Close, ShiftLead, FullInput, Rules, Tuesday9);
        Assert.Equal(CaseRefusalKind.NotNow, refused!.Kind);
        Assert.Equal(["supervise"], refused.AllowedActions);
        var (_, dispatcherRefused) = CaseWorkflow.Apply(c, CaseAction.Close, Dispatcher, FullInput, Rules, Tuesday9);
        Assert.Equal(["dispatch", "request-void"], dispatcherRefused!.AllowedActions);
    }

    [Fact]
    public void A_grid_member_acts_only_in_their_own_duty_grid()
    {
        var c = NewCase(CaseState.Checking);
        var (_, refused) = CaseWorkflow.Apply(c, CaseAction.CheckPass, OtherGridMember, FullInput, Rules, Tuesday9);
        Assert.Equal(CaseRefusalKind.Forbidden, refused!.Kind);
        Assert.Equal("OwnDutyGridOnly", refused.Code);
        Assert.Empty(CaseWorkflow.AllowedActions(c, OtherGridMember, Rules, Tuesday9));
    }

    [Fact]
    public void A_handler_acts_only_on_cases_of_their_department()
    {
        var c = NewCase(CaseState.Dispatched);
        var (_, refused) = CaseWorkflow.Apply(c, CaseAction.Handle, WaterHandler, FullInput, Rules, Tuesday9);
        Assert.Equal(CaseRefusalKind.Forbidden, refused!.Kind);
        Assert.Equal("OwnDepartmentOnly", refused.Code);
    }

    [Theory]
    [InlineData("return", CaseState.Dispatched, "handler", "note")]
    [InlineData("dispatch", CaseState.Filed, "dispatcher", "department")]
    [InlineData("reject", CaseState.PendingFiling, "shiftlead", "reason")]
    [InlineData("merge", CaseState.Reported, "intake", "masterCaseId")]
    [InlineData("request-extension", CaseState.Dispatched, "handler", "extension")]
    [InlineData("handle", CaseState.Dispatched, "handler", "photoIds")]
    [InlineData("self-handle", CaseState.Reported, "gridmember", "photoIds")]
    [InlineData("supervise", CaseState.Dispatched, "leader", "note")]
    [InlineData("request-void", CaseState.Filed, "intake", "note")]
    [InlineData("approve-self-handled", CaseState.SelfHandled, "shiftlead", "resolution")]
    [InlineData("close", CaseState.PendingClose, "shiftlead", "resolution")]
    [InlineData("verify", CaseState.Verifying, "gridmember", "photoIds")]
    public void Missing_fields_are_refused_with_a_field_level_400(string slug, CaseState from, string who, string field)
    {
        CaseActions.TryParse(slug, out var action);
        var c = NewCase(from);
        var empty = new CaseActionInput { Note = field == "note" ? " " : "说明" };
        var (done, refused) = CaseWorkflow.Apply(c, action, Everyone.Single(a => a.UserName == who), empty, Rules, Tuesday9);
        Assert.Null(done);
        Assert.Equal(CaseRefusalKind.InvalidInput, refused!.Kind);
        Assert.Contains(field, refused.FieldErrors.Select(f => f.Field));
        Assert.Equal(from, c.State);
    }

    [Fact]
    public void A_reject_reason_must_be_one_of_the_known_reasons()
    {
        var (_, refused) = CaseWorkflow.Apply(NewCase(CaseState.Reported), CaseAction.Reject, ShiftLead,
            FullInput with { Reason = "because" }, Rules, Tuesday9);
        Assert.Equal("reason", Assert.Single(refused!.FieldErrors).Field);
    }

    [Fact]
    public void Re_dispatch_after_a_return_must_choose_another_department()
    {
        var (_, refused) = CaseWorkflow.Apply(NewCase(CaseState.Returned), CaseAction.ApproveReturn, Dispatcher,
            FullInput with { Department = "sanitation" }, Rules, Tuesday9);
        Assert.Contains("department", refused!.FieldErrors.Select(f => f.Field));
    }

    [Fact]
    public void Public_reports_go_to_verification_and_staff_reports_straight_to_filing()
    {
        var citizen = NewCase(CaseState.Reported, CaseSource.Public);
        CaseWorkflow.Apply(citizen, CaseAction.Accept, Intake, FullInput, Rules, Tuesday9);
        Assert.Equal(CaseState.Verifying, citizen.State);
        Assert.Equal(CaseStep.Verify, citizen.ClockStep);
        var hotline = NewCase(CaseState.Reported, CaseSource.Hotline12345);
        CaseWorkflow.Apply(hotline, CaseAction.Accept, Intake, FullInput, Rules, Tuesday9);
        Assert.Equal(CaseState.Verifying, hotline.State);
    }

    [Fact]
    public void An_extension_can_only_be_asked_once_at_a_time_and_before_the_deadline()
    {
        var c = NewCase(CaseState.Dispatched);
        c.PendingExtension = 1;
        var (_, twice) = CaseWorkflow.Apply(c, CaseAction.RequestExtension, Handler, FullInput, Rules, Tuesday9);
        Assert.Equal(CaseRefusalKind.NotNow, twice!.Kind);

        var late = NewCase(CaseState.Dispatched);
        var (_, tooLate) = CaseWorkflow.Apply(late, CaseAction.RequestExtension, Handler, FullInput, Rules, late.StepDeadline!.Value.AddMinutes(1));
        Assert.Equal(CaseRefusalKind.NotNow, tooLate!.Kind);
        Assert.Equal("PastDeadline", tooLate.Code);

        var none = NewCase(CaseState.Dispatched);
        var (_, nothingToApprove) = CaseWorkflow.Apply(none, CaseAction.ApproveExtension, Dispatcher, FullInput, Rules, Tuesday9);
        Assert.Equal(CaseRefusalKind.NotNow, nothingToApprove!.Kind);
    }

    [Fact]
    public void A_closed_case_is_never_reopened()
    {
        var c = NewCase(CaseState.Closed);
        foreach (var actor in Everyone)
        {
            Assert.Empty(CaseWorkflow.AllowedActions(c, actor, Rules, Tuesday9));
        }
    }

    /// <summary>Puts on the case what the action waits for (a pending extension, a void request).</summary>
    private static Case Prepared(Case c, CaseAction action)
    {
        if (action is CaseAction.ApproveExtension or CaseAction.DenyExtension)
        {
            c.PendingExtension = 2;
        }
        if (action is CaseAction.ApproveVoid or CaseAction.DenyVoid)
        {
            c.PendingVoid = "重复立案";
        }
        if (action == CaseAction.Remind && c.StepDeadline is null)
        {
            c.ClockStep = CaseStep.Dispatch;
            c.StepStartedAt = Tuesday9.AddMinutes(-10);
            c.StepLimitValue = 0.25;
            c.StepLimitUnit = LimitUnit.NaturalHours;
            c.StepDeadline = Tuesday9.AddMinutes(5);
        }
        return c;
    }
}
