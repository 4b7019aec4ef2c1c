using CommandCenter.Domain.Cases;
using static CommandCenter.Tests.Domain.CaseFixtures;

namespace CommandCenter.Tests.Domain;

/// <summary>市民 in the workflow table: they may register a report (domain.md §4.3 #2) and nothing else, and read nothing.</summary>
public sealed class CitizenReportTests
{
    [Fact]
    public void A_citizens_report_is_a_public_report_waiting_for_intake_that_goes_to_verification_on_accept()
    {
        Assert.True(CaseWorkflow.MayReport(Citizen));
        Assert.Equal(CaseSource.Public, CaseWorkflow.DefaultSource(Citizen));
        var c = NewCase(CaseState.Draft, CaseSource.Public);

        var (reported, refused) = CaseWorkflow.Report(c, Citizen, new CaseActionInput { Note = c.Description }, Rules, Tuesday9);

        Assert.Null(refused);
        Assert.Equal(CaseState.Reported, c.State);
        Assert.Equal(Role.Citizen, reported!.Role);
        Assert.Equal(CaseStep.Accept, c.ClockStep);
        CaseWorkflow.Apply(c, CaseAction.Accept, Intake, FullInput, Rules, Tuesday9.AddMinutes(5));
        Assert.Equal(CaseState.Verifying, c.State);
    }

    [Fact]
    public void A_citizen_may_not_take_any_other_action_and_reads_no_case()
    {
        var c = NewCase(CaseState.Reported, CaseSource.Public);
        Assert.Empty(CaseWorkflow.AllowedActions(c, Citizen, Rules, Tuesday9));
        var (_, refused) = CaseWorkflow.Apply(c, CaseAction.Accept, Citizen, FullInput, Rules, Tuesday9);
        Assert.Equal(CaseRefusalKind.Forbidden, refused!.Kind);
        Assert.Equal(CaseState.Reported, c.State);

        var scope = ReadScope.For(Citizen);
        Assert.False(scope.IsCityWide);
        Assert.False(scope.Allows(c));
        Assert.Equal("citizen", Role.Citizen.Slug());
    }
}
