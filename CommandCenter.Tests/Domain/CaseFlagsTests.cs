using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;
using static CommandCenter.Tests.Domain.CaseFixtures;

namespace CommandCenter.Tests.Domain;

/// <summary>推诿 (a handler returning a case again) and 多次返工 (a fix failing 核查 again), from the case's counters.</summary>
public sealed class CaseFlagsTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)] // a second return of the same case counts as 推诿 (domain.md §4.3)
    [InlineData(3, true)]
    public void A_second_return_is_shirking(int returns, bool shirking) =>
        Assert.Equal(shirking, CaseFlags.Of(returns, 0, WorkflowSettings.Defaults).Shirking);

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)] // ReworkCount ≥ 2 = 多次返工 (domain.md §4.3 #21)
    public void Two_reworks_are_multiple_rework(int reworks, bool multiple) =>
        Assert.Equal(multiple, CaseFlags.Of(0, reworks, WorkflowSettings.Defaults).MultipleRework);

    [Fact]
    public void A_stricter_bureau_flags_the_first_return()
    {
        var strict = WorkflowSettings.Defaults with { ShirkingReturnsAbove = 0, MultipleReworkAtLeast = 3 };
        Assert.Equal(new CaseFlags(Shirking: true, MultipleRework: false), CaseFlags.Of(1, 2, strict));
    }

    [Fact]
    public void A_case_the_handler_returns_twice_after_the_dispatcher_refused_the_first_return_is_flagged()
    {
        var c = NewCase(CaseState.Dispatched);
        CaseWorkflow.Apply(c, CaseAction.Return, Handler, FullInput, Rules, Tuesday9);
        Assert.False(CaseFlags.Of(c, WorkflowSettings.Defaults).Shirking);
        CaseWorkflow.Apply(c, CaseAction.DenyReturn, Dispatcher, FullInput, Rules, Tuesday9.AddMinutes(10));
        CaseWorkflow.Apply(c, CaseAction.Return, Handler, FullInput, Rules, Tuesday9.AddMinutes(20));
        Assert.Equal(2, c.ReturnCount);
        Assert.True(CaseFlags.Of(c, WorkflowSettings.Defaults).Shirking);
    }

    [Fact]
    public void A_case_with_priority_raised_at_intake_carries_the_urgent_flag_first()
    {
        var c = NewCase(CaseState.Dispatched);
        Assert.Empty(CaseFlags.Of(c, WorkflowSettings.Defaults).Slugs);
        c.Urgent = true;
        c.ReturnCount = 2;
        Assert.Equal(["urgent", "shirking"], CaseFlags.Of(c, WorkflowSettings.Defaults).Slugs);
    }
}
