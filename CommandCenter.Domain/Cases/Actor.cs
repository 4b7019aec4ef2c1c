namespace CommandCenter.Domain.Cases;

/// <summary>
/// The signed-in person taking an action, with the scope their roles are limited to and the demo person they are;
/// <see cref="KioskId"/> is the kiosk they are checked in at now (on duty there), if any, so its staff alerts reach them.
/// </summary>
public sealed record Actor(string UserName, string DisplayName, IReadOnlySet<Role> Roles, string? DutyGridCode = null, string? DepartmentCode = null, string? PersonId = null,
    string? KioskId = null)
{
    public bool Has(Role role) => Roles.Contains(role);
}
