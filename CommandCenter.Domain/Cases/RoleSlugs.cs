namespace CommandCenter.Domain.Cases;

/// <summary>The lower-case role names used in tokens, seeds and the API.</summary>
public static class RoleSlugs
{
    private static readonly Dictionary<Role, string> Slugs = new()
    {
        [Role.GridMember] = "gridmember",
        [Role.Intake] = "intake",
        [Role.ShiftLead] = "shiftlead",
        [Role.Dispatcher] = "dispatcher",
        [Role.Handler] = "handler",
        [Role.RoadDirector] = "roaddirector",
        [Role.Leader] = "leader",
        [Role.Admin] = "admin",
        [Role.System] = "system",
        [Role.Citizen] = "citizen",
        [Role.StreetChief] = "streetchief",
    };

    private static readonly Dictionary<string, Role> Roles = Slugs.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static string Slug(this Role role) => Slugs[role];

    public static bool TryParse(string? slug, out Role role) => Roles.TryGetValue(slug ?? "", out role);
}
