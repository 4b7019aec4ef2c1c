using CommandCenter.Domain.Cases;
using static CommandCenter.Tests.Domain.CaseFixtures;

namespace CommandCenter.Tests.Domain;

public sealed class CaseVisibilityTests
{
    [Fact]
    public void Desks_and_leaders_read_the_whole_city_handlers_their_department_grid_members_their_duty_grid()
    {
        var c = NewCase(CaseState.Dispatched); // DG-1, sanitation
        foreach (var reader in new[] { Intake, ShiftLead, Dispatcher, RoadDirector, Leader, Admin })
        {
            Assert.True(reader.CanRead(c), reader.UserName);
        }
        Assert.True(Handler.CanRead(c));
        Assert.False(WaterHandler.CanRead(c));
        Assert.True(GridMember.CanRead(c));
        Assert.False(OtherGridMember.CanRead(c));
        Assert.Equal((null, "water"), CaseVisibility.LimitsFor(WaterHandler));
        Assert.Equal(("DG-2", null), CaseVisibility.LimitsFor(OtherGridMember));
    }
}
