namespace CommandCenter.Domain.Cases;

/// <summary>
/// Which cases a person may read: the centre's desks, leaders and the road director read the whole city; a department
/// handler reads their department's cases, a grid member their duty grid's, a street chief the cases linked to them
/// (reported on their street while they were in charge). Every list, search, map, event feed, hub group and wall goes
/// through this one rule.
/// </summary>
public sealed record ReadScope(string? DutyGridCode, string? DepartmentCode, string? StreetChiefPersonId = null)
{
    private static readonly Role[] CityWideRoles = [Role.Intake, Role.ShiftLead, Role.Dispatcher, Role.RoadDirector, Role.Leader, Role.Admin, Role.System];

    public static ReadScope City { get; } = new(null, null);

    public bool IsCityWide => DutyGridCode is null && DepartmentCode is null && StreetChiefPersonId is null;

    /// <summary>The scope of a signed-in person; someone with no reading role reads nothing.</summary>
    public static ReadScope For(Actor reader)
    {
        if (CityWideRoles.Any(reader.Has))
        {
            return City;
        }
        if (reader.Has(Role.Handler))
        {
            return new ReadScope(null, reader.DepartmentCode ?? "");
        }
        if (reader.Has(Role.StreetChief))
        {
            return new ReadScope(null, null, reader.PersonId ?? "");
        }
        return new ReadScope(reader.DutyGridCode ?? "", null);
    }

    public bool Allows(string dutyGridCode, string? departmentCode, string? streetChiefPersonId = null) =>
        (DutyGridCode is null || DutyGridCode == dutyGridCode) && (DepartmentCode is null || DepartmentCode == departmentCode)
        && (StreetChiefPersonId is null || StreetChiefPersonId == streetChiefPersonId);

    public bool Allows(Case c) => Allows(c.DutyGridCode, c.DepartmentCode, c.StreetChiefPersonId);

    /// <summary>The live-feed group of this scope: one per department, one per street chief, one per duty grid, one for the city.</summary>
    public string GroupName => DepartmentCode is { } d ? $"dept:{d}"
        : StreetChiefPersonId is { } p ? ChiefGroup(p)
        : DutyGridCode is { } g ? $"duty:{g}" : "city";

    /// <summary>The live-feed group of the street chief <paramref name="personId"/>.</summary>
    public static string ChiefGroup(string personId) => $"chief:{personId}";

    /// <summary>The groups an event about a case in <paramref name="dutyGridCode"/> / <paramref name="departments"/> goes to.</summary>
    public static IReadOnlyList<string> GroupsFor(string dutyGridCode, params string?[] departments)
    {
        var groups = new List<string> { "city", $"duty:{dutyGridCode}" };
        foreach (var d in departments)
        {
            if (d is not null && !groups.Contains($"dept:{d}"))
            {
                groups.Add($"dept:{d}");
            }
        }
        return groups;
    }
}
