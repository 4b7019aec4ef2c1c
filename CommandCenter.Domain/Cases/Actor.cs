namespace CommandCenter.Domain.Cases;

/// <summary>The signed-in person taking an action, with the scope their roles are limited to and the demo person they are.</summary>
public sealed record Actor(string UserName, string DisplayName, IReadOnlySet<Role> Roles, string? DutyGridCode = null, string? DepartmentCode = null, string? PersonId = null)
{
    public bool Has(Role role) => Roles.Contains(role);
}
