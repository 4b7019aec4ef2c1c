namespace CommandCenter.Web.Data.Evaluation;

/// <summary>
/// The set-based build of <c>case_facts</c> and <c>case_assignments</c> from the audit trail: what the trigger
/// <c>case_events_facts</c> keeps row by row, done at once for bulk loads (which copy with the trigger off).
/// <c>{events}</c> is the condition choosing the events (and so the cases) to build for.
/// </summary>
public static class CaseFactsSql
{
    public const string Build = """
        INSERT INTO case_facts (case_id, grid_code, duty_grid_code, filed_at, handled_at, first_handle_on_time, all_handle_on_time, reworked,
            state, department, clock_step, deadline)
        SELECT case_id,
            (array_agg(grid_code ORDER BY seq) FILTER (WHERE action = 'file'))[1],
            (array_agg(duty_grid_code ORDER BY seq) FILTER (WHERE action = 'file'))[1],
            min(at) FILTER (WHERE action = 'file'),
            min(at) FILTER (WHERE action = 'handle'),
            (array_agg(on_time ORDER BY seq) FILTER (WHERE action = 'handle'))[1],
            bool_and(coalesce(on_time, false)) FILTER (WHERE action = 'handle'),
            coalesce(bool_or(action = 'check-fail'), false),
            (array_agg(to_state ORDER BY seq DESC))[1], (array_agg(department ORDER BY seq DESC))[1],
            (array_agg(step ORDER BY seq DESC))[1], (array_agg(deadline ORDER BY seq DESC))[1]
        FROM case_events WHERE {events}
        GROUP BY case_id HAVING bool_or(action = 'file')
        ON CONFLICT (case_id) DO NOTHING;
        INSERT INTO case_assignments (case_id, department, dispatched_at, handled_at, first_on_time, reworked, state, current_department, clock_step, deadline)
        SELECT a.*, f.state, f.department, f.clock_step, f.deadline FROM (
            SELECT case_id, department,
                min(at) FILTER (WHERE action IN ('dispatch', 'approve-return')) AS dispatched_at,
                min(at) FILTER (WHERE action = 'handle') AS handled_at,
                (array_agg(on_time ORDER BY seq) FILTER (WHERE action = 'handle'))[1] AS first_on_time,
                coalesce(bool_or(action = 'check-fail'), false) AS reworked
            FROM case_events WHERE department IS NOT NULL AND ({events})
            GROUP BY case_id, department HAVING bool_or(action IN ('dispatch', 'approve-return'))) a
        JOIN case_facts f ON f.case_id = a.case_id
        ON CONFLICT (case_id, department) DO NOTHING;
        """;
}
