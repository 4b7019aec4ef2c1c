using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Intake;
using static CommandCenter.Tests.Domain.CaseFixtures;

namespace CommandCenter.Tests.Domain;

/// <summary>What the public is told of a case: coarse stages, only when they change, open or closed for Open311.</summary>
public sealed class PublicProgressTests
{
    [Fact]
    public void Every_state_has_a_public_stage_and_only_end_states_are_closed()
    {
        foreach (var state in Enum.GetValues<CaseState>())
        {
            _ = PublicProgress.StageOf(state);
            Assert.Equal(!state.IsTerminal(), PublicProgress.IsOpen(state));
        }
        Assert.Equal(PublicStage.Verifying, PublicProgress.StageOf(CaseState.Verifying));
        Assert.Equal(PublicStage.Handling, PublicProgress.StageOf(CaseState.Returned)); // a return between departments is internal
        Assert.Equal(PublicStage.Checking, PublicProgress.StageOf(CaseState.Handled));
        Assert.Equal("not-filed", PublicStage.NotFiled.Slug());
        Assert.False(PublicProgress.IsOpen(CaseState.Merged));
    }

    [Fact]
    public void The_public_timeline_shows_stage_changes_only_and_a_failed_check_as_handling_again()
    {
        var t = Tuesday9;
        // report, accept (核实), verify, file, dispatch, remind (same state), return, approve-return, handle, send-check,
        // check-fail (back to handling), handle, send-check, check-pass, close.
        (DateTimeOffset, CaseState)[] transitions =
        [
            (t, CaseState.Reported), (t.AddMinutes(5), CaseState.Verifying), (t.AddMinutes(40), CaseState.PendingFiling),
            (t.AddMinutes(50), CaseState.Filed), (t.AddMinutes(60), CaseState.Dispatched), (t.AddMinutes(90), CaseState.Dispatched),
            (t.AddMinutes(95), CaseState.Returned), (t.AddMinutes(100), CaseState.Dispatched), (t.AddHours(2), CaseState.Handled),
            (t.AddHours(2.1), CaseState.Checking), (t.AddHours(3), CaseState.Dispatched), (t.AddHours(4), CaseState.Handled),
            (t.AddHours(4.1), CaseState.Checking), (t.AddHours(5), CaseState.PendingClose), (t.AddHours(5.2), CaseState.Closed),
        ];

        var milestones = PublicProgress.Milestones(transitions);

        Assert.Equal(
            [PublicStage.Received, PublicStage.Verifying, PublicStage.Accepted, PublicStage.Handling, PublicStage.Checking,
             PublicStage.Handling, PublicStage.Checking, PublicStage.Closed],
            milestones.Select(m => m.Stage));
        Assert.Equal(t.AddMinutes(40), milestones[2].At); // accepted when verified, not again when filed
        Assert.Equal(t.AddMinutes(60), milestones[3].At);
        Assert.Equal(t.AddHours(5.2), milestones[^1].At);
    }
}
