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
    };

    private static readonly Dictionary<string, Role> Roles = Slugs.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static string Slug(this Role role) => Slugs[role];

    public static bool TryParse(string? slug, out Role role) => Roles.TryGetValue(slug ?? "", out role);

    /// <summary>Chinese name of the role, as shown to users.</summary>
    public static string NameZh(this Role role) => role switch
    {
        Role.GridMember => "网格员",
        Role.Intake => "受理员",
        Role.ShiftLead => "值班长",
        Role.Dispatcher => "派遣员",
        Role.Handler => "处置人员",
        Role.RoadDirector => "马路局长",
        Role.Leader => "领导",
        Role.Admin => "管理员",
        _ => role.ToString(),
    };
}
