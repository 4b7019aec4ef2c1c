using CommandCenter.Domain.Alerts;
using CommandCenter.Domain.Cases;

namespace CommandCenter.Tests.Domain;

/// <summary>The addresses an alert may be sent to, and who answers to each.</summary>
public sealed class AlertAudienceTests
{
    private static readonly Actor GridMember = new("gridmember", "王芳", new HashSet<Role> { Role.GridMember }, DutyGridCode: "320102001001", PersonId: "P0100");

    [Fact]
    public void A_grid_member_checked_in_at_a_kiosk_answers_to_its_staff_address_until_checked_out()
    {
        Assert.DoesNotContain("kiosk:K01", AlertAudience.AddressesOf(GridMember));
        var onDuty = GridMember with { KioskId = "K01" };
        Assert.True(AlertAudience.IsFor(onDuty, AlertAudience.Kiosk("K01")));
        Assert.False(AlertAudience.IsFor(onDuty, AlertAudience.Kiosk("K02")));
        Assert.Contains("person:P0100", AlertAudience.AddressesOf(onDuty));
    }

    [Fact]
    public void Only_a_handler_answers_to_the_department_address()
    {
        var handler = new Actor("handler-enforcement", "李强", new HashSet<Role> { Role.Handler }, DepartmentCode: "enforcement");
        Assert.True(AlertAudience.IsFor(handler, AlertAudience.Department("enforcement")));
        Assert.False(AlertAudience.IsFor(GridMember with { DepartmentCode = "enforcement" }, AlertAudience.Department("enforcement")));
    }
}
