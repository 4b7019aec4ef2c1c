using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;
using NetTopologySuite.Geometries;
using static CommandCenter.Tests.Domain.CaseFixtures;

namespace CommandCenter.Tests.Domain;

/// <summary>How transitions move the clocks: dispatch starts handling, extensions move the deadline, shelving pauses, rework restarts.</summary>
public sealed class CaseClockTests
{
    private static CaseActionInput Input => FullInput;

    [Fact]
    public void Dispatch_starts_the_handling_clock_with_the_category_limit()
    {
        var c = NewCase(CaseState.Filed, department: null);
        CaseWorkflow.Apply(c, CaseAction.Dispatch, Dispatcher, Input with { Department = "sanitation" }, Rules, Tuesday9);
        Assert.Equal(CaseStep.Handle, c.ClockStep);
        Assert.Equal("sanitation", c.DepartmentCode);
        Assert.Equal(1, c.DispatchCount);
        Assert.Equal(new TimeLimit(4, LimitUnit.WorkingHours), c.StepLimit);
        // 09:00 + 4 working hours: 3 h before lunch, 1 h after.
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.FromHours(8)), c.StepDeadline);
    }

    [Fact]
    public void An_approved_extension_moves_the_deadline_by_working_time_and_grows_the_limit()
    {
        var c = NewCase(CaseState.Dispatched); // handling since 08:30, deadline 14:30
        CaseWorkflow.Apply(c, CaseAction.RequestExtension, Handler, Input with { Extension = 4 }, Rules, Tuesday9);
        Assert.Equal(4, c.PendingExtension);
        CaseWorkflow.Apply(c, CaseAction.ApproveExtension, Dispatcher, Input, Rules, Tuesday9.AddMinutes(5));
        Assert.Null(c.PendingExtension);
        Assert.Equal(1, c.ExtensionCount);
        Assert.Equal(8, c.StepLimitValue);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 30, 0, TimeSpan.FromHours(8)), c.StepDeadline); // 14:30 + 3 h today + 1 h tomorrow
    }

    [Fact]
    public void A_denied_extension_leaves_the_deadline_alone()
    {
        var c = NewCase(CaseState.Dispatched);
        var deadline = c.StepDeadline;
        CaseWorkflow.Apply(c, CaseAction.RequestExtension, Handler, Input, Rules, Tuesday9);
        CaseWorkflow.Apply(c, CaseAction.DenyExtension, Dispatcher, Input, Rules, Tuesday9);
        Assert.Equal(deadline, c.StepDeadline);
        Assert.Equal(0, c.ExtensionCount);
        Assert.Null(c.PendingExtension);
    }

    [Fact]
    public void A_shelved_case_stops_its_clock_and_restoring_gives_a_fresh_limit()
    {
        var c = NewCase(CaseState.Dispatched);
        CaseWorkflow.Apply(c, CaseAction.RequestShelve, Handler, Input, Rules, Tuesday9);
        CaseWorkflow.Apply(c, CaseAction.ApproveShelve, Dispatcher, Input, Rules, Tuesday9.AddHours(1)); // paused at 10:00
        var weekLater = Tuesday9.AddDays(7);
        var shelved = c.ReadClock(Clock, weekLater)!;
        Assert.True(shelved.IsPaused);
        Assert.False(shelved.IsOverdue);
        Assert.Equal(1.5, shelved.Used, 6);

        CaseWorkflow.Apply(c, CaseAction.Restore, Dispatcher, Input, Rules, weekLater);
        var restored = c.ReadClock(Clock, weekLater)!;
        Assert.False(restored.IsPaused);
        Assert.Equal(0, restored.Used, 6);
        Assert.Equal(Clock.Deadline(weekLater, TimeLimit.WorkingHours(4)), c.StepDeadline);
    }

    [Fact]
    public void A_return_keeps_the_clock_running_and_a_redispatch_starts_a_new_one()
    {
        var c = NewCase(CaseState.Dispatched);
        var deadline = c.StepDeadline;
        CaseWorkflow.Apply(c, CaseAction.Return, Handler, Input, Rules, Tuesday9);
        Assert.Equal(deadline, c.StepDeadline);
        Assert.Equal(1, c.ReturnCount);
        CaseWorkflow.Apply(c, CaseAction.ApproveReturn, Dispatcher, Input with { Department = "water" }, Rules, Tuesday9.AddHours(1));
        Assert.Equal("water", c.DepartmentCode);
        Assert.Equal(2, c.DispatchCount);
        Assert.Equal(Clock.Deadline(Tuesday9.AddHours(1), TimeLimit.WorkingHours(4)), c.StepDeadline);
    }

    [Fact]
    public void Rework_restarts_the_full_limit_counts_and_keeps_the_first_on_time_flag()
    {
        var c = NewCase(CaseState.Dispatched);
        CaseWorkflow.Apply(c, CaseAction.Handle, Handler, Input, Rules, Tuesday9); // on time
        Assert.True(c.HandlingOnTime);
        Assert.Equal(CaseStep.SendCheck, c.ClockStep); // 发核查 is intake's own step …
        CaseWorkflow.Apply(c, CaseAction.SendCheck, Intake, Input, Rules, Tuesday9);
        Assert.Equal(CaseStep.Check, c.ClockStep); // … and the 核查 clock starts when the task is sent
        CaseWorkflow.Apply(c, CaseAction.CheckFail, GridMember, Input, Rules, Tuesday9.AddHours(1));
        Assert.Equal(CaseState.Dispatched, c.State);
        Assert.Equal(1, c.ReworkCount);
        Assert.Equal(Clock.Deadline(Tuesday9.AddHours(1), TimeLimit.WorkingHours(4)), c.StepDeadline);
        // The second handling is late, but the case keeps its first on-time flag.
        CaseWorkflow.Apply(c, CaseAction.Handle, Handler, Input, Rules, Tuesday9.AddDays(2));
        Assert.True(c.HandlingOnTime);
    }

    [Fact]
    public void A_late_first_handling_is_flagged_late()
    {
        var c = NewCase(CaseState.Dispatched);
        var (done, _) = CaseWorkflow.Apply(c, CaseAction.Handle, Handler, Input, Rules, c.StepDeadline!.Value.AddMinutes(1));
        Assert.False(c.HandlingOnTime);
        Assert.Equal(CaseStep.Handle, done!.Finished!.Step);
        Assert.False(done.Finished.OnTime);
    }

    [Fact]
    public void An_overdue_case_knows_by_how_many_times_its_limit()
    {
        var c = NewCase(CaseState.Dispatched); // 4 wh from 08:30 Tuesday
        var reading = c.ReadClock(Clock, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.FromHours(8)))!;
        // Tuesday 7 h + Wednesday 3.5 h = 10.5 h of 4.
        Assert.True(reading.IsOverdue);
        Assert.Equal(10.5 / 4, reading.OvertimeMultiple, 6);
        Assert.Equal(TimingLevel.Purple, reading.Level);
    }

    [Fact]
    public void An_emergency_runs_on_a_24_hour_clock()
    {
        var emergency = Rules with { HandlingLimit = TimeLimit.NaturalHours(1) };
        var c = NewCase(CaseState.Filed, department: null);
        var saturdayNight = new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.FromHours(8));
        CaseWorkflow.Apply(c, CaseAction.Dispatch, Dispatcher, Input with { Department = "water" }, emergency, saturdayNight);
        Assert.Equal(saturdayNight.AddHours(1), c.StepDeadline);
    }

    [Fact]
    public void Closing_stops_every_clock_and_records_the_721_tag()
    {
        var c = NewCase(CaseState.PendingClose);
        CaseWorkflow.Apply(c, CaseAction.Close, ShiftLead, Input with { Resolution = Resolution721.Management }, Rules, Tuesday9);
        Assert.Null(c.ReadClock(Clock, Tuesday9));
        Assert.Equal(Resolution721.Management, c.Resolution);
        Assert.Equal(Tuesday9, c.ClosedAt);
    }

    [Fact]
    public void Supervision_raises_the_level_each_time()
    {
        var c = NewCase(CaseState.Dispatched);
        CaseWorkflow.Apply(c, CaseAction.Supervise, Leader, Input, Rules, Tuesday9);
        CaseWorkflow.Apply(c, CaseAction.Supervise, RoadDirector, Input, Rules, Tuesday9);
        Assert.Equal(2, c.SupervisionLevel);
        Assert.Equal(CaseState.Dispatched, c.State);
    }
}

public sealed class DuplicateFinderTests
{
    private static readonly DateTimeOffset Now = Tuesday9;

    private static Case At(double lon, double lat, string category = "20102", CaseState state = CaseState.Dispatched, double hoursAgo = 1)
    {
        var c = NewCase(state);
        return new Case
        {
            Id = Guid.NewGuid(), Number = c.Number, State = state, CategoryCode = category, Description = "x",
            Location = new Point(lon, lat) { SRID = 4326 }, GridCode = c.GridCode, DutyGridCode = c.DutyGridCode,
            CommunityCode = c.CommunityCode, SubdistrictCode = c.SubdistrictCode, ReportedAt = Now.AddHours(-hoursAgo),
        };
    }

    [Fact]
    public void An_open_case_of_the_same_category_within_50_m_in_the_window_is_a_likely_duplicate()
    {
        var here = new Point(118.7800, 32.0400) { SRID = 4326 };
        var near = At(118.7803, 32.0401);           // about 30 m
        var far = At(118.7810, 32.0400);            // about 94 m
        var otherCategory = At(118.7801, 32.0400, category: "20201");
        var closed = At(118.7801, 32.0400, state: CaseState.Closed);
        var old = At(118.7801, 32.0400, hoursAgo: 25);
        var nearer = At(118.7801, 32.0400, hoursAgo: 20); // about 9 m

        var found = DuplicateFinder.Find("20102", here, Now, WorkflowSettings.Defaults.DuplicateWindow, [near, far, otherCategory, closed, old, nearer]);

        Assert.Equal([nearer.Id, near.Id], found.Select(f => f.Case.Id));
        Assert.InRange(found[1].DistanceM, 25, 35);
    }
}
