using CommandCenter.Domain.Cases;
using Npgsql;
using NpgsqlTypes;

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
        if (scope.StreetChiefPersonId is { } chief)
        {
            cases = cases.Where(c => c.StreetChiefPersonId == chief);
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
        if (scope.StreetChiefPersonId is { } chief)
        {
            events = events.Where(e => e.StreetChiefPersonId == chief);
        }
        return events;
    }

    /// <summary>
    /// The same rule as <see cref="VisibleTo(IQueryable{CaseEventRow}, ReadScope)"/> for the few aggregates written in SQL:
    /// a condition on <c>case_events</c> and its parameters (<c>@scope_duty</c>, <c>@scope_dept</c>, <c>@scope_chief</c>).
    /// </summary>
    public static (string Condition, NpgsqlParameter[] Parameters) EventsSql(ReadScope scope) =>
        ("(@scope_duty IS NULL OR duty_grid_code = @scope_duty) AND (@scope_dept IS NULL OR department = @scope_dept OR previous_department = @scope_dept)"
            + " AND (@scope_chief IS NULL OR street_chief_person_id = @scope_chief)",
        [
            new NpgsqlParameter("scope_duty", NpgsqlDbType.Text) { Value = (object?)scope.DutyGridCode ?? DBNull.Value },
            new NpgsqlParameter("scope_dept", NpgsqlDbType.Text) { Value = (object?)scope.DepartmentCode ?? DBNull.Value },
            new NpgsqlParameter("scope_chief", NpgsqlDbType.Text) { Value = (object?)scope.StreetChiefPersonId ?? DBNull.Value },
        ]);

    /// <summary>
    /// The rule of <see cref="VisibleTo(IQueryable{Case}, ReadScope)"/> for aggregates over <c>cases</c> written in SQL: a condition on the
    /// table (aliased <paramref name="alias"/>) and the same two parameters as <see cref="EventsSql"/>.
    /// </summary>
    public static (string Condition, NpgsqlParameter[] Parameters) CasesSql(ReadScope scope, string alias = "cases") =>
        ($"(@scope_duty IS NULL OR {alias}.duty_grid_code = @scope_duty) AND (@scope_dept IS NULL OR {alias}.department_code = @scope_dept)",
            EventsSql(scope).Parameters);
}
