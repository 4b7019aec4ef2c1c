using CommandCenter.Domain.Cases;
using static CommandCenter.Tests.Domain.CaseFixtures;

namespace CommandCenter.Tests.Domain;

public sealed class ReadScopeTests
{
    [Fact]
    public void Desks_and_leaders_read_the_whole_city_handlers_their_department_grid_members_their_duty_grid()
    {
        var c = NewCase(CaseState.Dispatched); // DG-1, sanitation
        foreach (var reader in new[] { Intake, ShiftLead, Dispatcher, RoadDirector, Leader, Admin, CaseFixtures.System })
        {
            Assert.True(ReadScope.For(reader).IsCityWide, reader.UserName);
            Assert.Equal("city", ReadScope.For(reader).GroupName);
        }
        Assert.True(ReadScope.For(Handler).Allows(c));
        Assert.False(ReadScope.For(WaterHandler).Allows(c));
        Assert.True(ReadScope.For(GridMember).Allows(c));
        Assert.False(ReadScope.For(OtherGridMember).Allows(c));
        Assert.Equal(new ReadScope(null, "water"), ReadScope.For(WaterHandler));
        Assert.Equal("dept:water", ReadScope.For(WaterHandler).GroupName);
        Assert.Equal("duty:DG-2", ReadScope.For(OtherGridMember).GroupName);
    }

    [Fact]
    public void A_handler_without_a_department_and_a_grid_member_without_a_grid_read_nothing()
    {
        var c = NewCase(CaseState.Dispatched);
        Assert.False(ReadScope.For(new Actor("h", "h", new HashSet<Role> { Role.Handler })).Allows(c));
        Assert.False(ReadScope.For(new Actor("g", "g", new HashSet<Role> { Role.GridMember })).Allows(c));
    }

    [Fact]
    public void An_event_goes_to_the_city_its_duty_grid_and_every_department_it_touches()
    {
        Assert.Equal(["city", "duty:DG-1", "dept:water", "dept:sanitation"], ReadScope.GroupsFor("DG-1", "water", "sanitation"));
        Assert.Equal(["city", "duty:DG-1"], ReadScope.GroupsFor("DG-1", null, null));
        Assert.Equal(["city", "duty:DG-1", "dept:water"], ReadScope.GroupsFor("DG-1", "water", "water"));
    }
}
