namespace CommandCenter.Domain.Cases;

/// <summary>
/// Which cases a person may read: the centre's desks, leaders and the road director see the whole city;
/// a department handler sees their department's cases, a grid member their duty grid's.
/// </summary>
public static class CaseVisibility
{
    private static readonly Role[] CityWide = [Role.Intake, Role.ShiftLead, Role.Dispatcher, Role.RoadDirector, Role.Leader, Role.Admin];

    /// <summary>The limits to apply to a reader's queries; both null means the whole city.</summary>
    public static (string? DutyGridCode, string? DepartmentCode) LimitsFor(Actor reader)
    {
        if (CityWide.Any(reader.Has))
        {
            return (null, null);
        }
        if (reader.Has(Role.Handler))
        {
            return (null, reader.DepartmentCode ?? "");
        }
        return (reader.DutyGridCode ?? "", null);
    }

    public static bool CanRead(this Actor reader, Case c)
    {
        var (dutyGrid, department) = LimitsFor(reader);
        return (dutyGrid is null || dutyGrid == c.DutyGridCode) && (department is null || department == c.DepartmentCode);
    }
}
