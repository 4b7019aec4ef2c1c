using CommandCenter.Domain.Cases;

namespace CommandCenter.Web.Data.Cases;

/// <summary><see cref="ReadScope"/> as query filters: every read of cases or their events goes through one of these.</summary>
public static class ReadScopeQueries
{
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, ReadScope scope)
    {
        if (scope.DutyGridCode is { } dutyGrid)
        {
            cases = cases.Where(c => c.DutyGridCode == dutyGrid);
        }
        if (scope.DepartmentCode is { } department)
        {
            cases = cases.Where(c => c.DepartmentCode == department);
        }
        return cases;
    }

    /// <summary>Events a reader may see: of their duty grid, or of cases their department holds or just handed on.</summary>
    public static IQueryable<CaseEventRow> VisibleTo(this IQueryable<CaseEventRow> events, ReadScope scope)
    {
        if (scope.DutyGridCode is { } dutyGrid)
        {
            events = events.Where(e => e.DutyGridCode == dutyGrid);
        }
        if (scope.DepartmentCode is { } department)
        {
            events = events.Where(e => e.Department == department || e.PreviousDepartment == department);
        }
        return events;
    }
}
