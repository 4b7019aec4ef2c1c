using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Evaluation;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Web.Features.Evaluation;

/// <summary>
/// The counts of 综合评价 straight from the audit trail, as GROUP BY queries in PostgreSQL (domain.md §6.1). A period
/// is [from, to) in instants; "now" decides which unfinished work is already due. The rules, per scope:
/// <list type="bullet">
/// <item>部门 / 区域 take a cohort — cases dispatched to the department (<c>case_assignments</c>), or filed in the region
/// (<c>case_facts</c>), in the period; both kept by a trigger on case_events — and follow each to now: 处置 = it was handled (处置反馈); 应处置 = handled, or still unhandled past its handling deadline
/// (UNI: 应结案数 = 处置数 + 超时未处置数); 按时处置 = its first handling was on time; 返工 = it failed 核查 at least once;
/// 结案 = handled and closed; 按期结案 = closed with every handling on time.</item>
/// <item>岗位 count the steps a person finished in the period by the step's own on-time flag (case_events.on_time).</item>
/// </list>
/// Every query reads <c>case_events</c> through the reader's <see cref="ReadScope"/>.
/// </summary>
public sealed class EvaluationCountQueries(CommandCenterDb db)
{
    /// <summary>What a region row is grouped by, as SQL over case_events (<c>e</c>) and unit_grids.</summary>
    public enum RegionLevel
    {
        Subdistrict,
        Community,
        DutyGrid,
        Grid,
    }

    private static string RegionKey(RegionLevel level, string gridColumn, string dutyColumn) => level switch
    {
        RegionLevel.Subdistrict => $"left({gridColumn}, 9)",
        RegionLevel.Community => $"left({gridColumn}, 12)",
        RegionLevel.DutyGrid => dutyColumn,
        _ => gridColumn,
    };

    public async Task<Dictionary<string, DepartmentCounts>> DepartmentsAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, ReadScope scope, CancellationToken ct)
    {
        var sql = $"""
            SELECT a.department,
                count(*),
                count(*) FILTER (WHERE a.handled_at IS NOT NULL OR ({OverdueUnhandled("a")} AND a.current_department = a.department)),
                count(*) FILTER (WHERE a.handled_at IS NOT NULL AND a.state = 'closed'),
                count(*) FILTER (WHERE a.handled_at IS NOT NULL),
                count(*) FILTER (WHERE a.handled_at IS NOT NULL AND a.first_on_time),
                count(*) FILTER (WHERE a.handled_at IS NOT NULL AND a.reworked)
            FROM case_assignments a
            WHERE a.dispatched_at >= @from AND a.dispatched_at < @to
                AND (@scope_dept IS NULL OR a.department = @scope_dept)
                AND (@scope_duty IS NULL OR EXISTS (SELECT 1 FROM case_facts f WHERE f.case_id = a.case_id AND f.duty_grid_code = @scope_duty))
            GROUP BY a.department
            """;
        return await QueryAsync(sql, from, to, now, scope, r => (r.GetString(0), new DepartmentCounts
        {
            Filed = r.GetInt64(1), Due = r.GetInt64(2), Closed = r.GetInt64(3), Handled = r.GetInt64(4), HandledOnTime = r.GetInt64(5), Rework = r.GetInt64(6),
        }), ct);
    }

    /// <summary>Region counts without the area (the caller knows the regions' areas).</summary>
    public async Task<Dictionary<string, RegionCounts>> RegionsAsync(RegionLevel level, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, ReadScope scope, CancellationToken ct)
    {
        var sql = $"""
            SELECT {RegionKey(level, "f.grid_code", "f.duty_grid_code")},
                count(*),
                count(*) FILTER (WHERE f.handled_at IS NOT NULL OR {OverdueUnhandled("f")}),
                count(*) FILTER (WHERE f.handled_at IS NOT NULL),
                count(*) FILTER (WHERE f.handled_at IS NOT NULL AND f.first_handle_on_time),
                count(*) FILTER (WHERE f.handled_at IS NOT NULL AND f.state = 'closed'),
                count(*) FILTER (WHERE f.handled_at IS NOT NULL AND f.state = 'closed' AND f.all_handle_on_time),
                count(*) FILTER (WHERE f.handled_at IS NOT NULL AND f.reworked)
            FROM case_facts f
            WHERE f.filed_at >= @from AND f.filed_at < @to AND {FactsVisible}
            GROUP BY 1
            """;
        return await QueryAsync(sql, from, to, now, scope, r => (r.GetString(0), new RegionCounts
        {
            Filed = r.GetInt64(1), Due = r.GetInt64(2), Handled = r.GetInt64(3), HandledOnTime = r.GetInt64(4), Closed = r.GetInt64(5),
            ClosedOnTime = r.GetInt64(6), Rework = r.GetInt64(7), AreaKm2 = 1,
        }), ct);
    }

    /// <summary>监督员/网格员 counts per duty grid (a grid member reports only in their own duty grid).</summary>
    public async Task<Dictionary<string, CollectorCounts>> CollectorsAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, ReadScope scope, CancellationToken ct)
    {
        var sql = """
            WITH ev AS NOT MATERIALIZED (SELECT * FROM case_events WHERE {visible}),
            period AS (SELECT * FROM ev WHERE at >= @from AND at < @to),
            reports AS (
                SELECT p.duty_grid_code AS unit, count(*) AS reported,
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ev x WHERE x.case_id = p.case_id AND x.action IN ('file', 'approve-self-handled'))) AS valid
                FROM period p WHERE p.action = 'report' AND p.actor_role = 'gridmember' GROUP BY 1),
            filed AS (
                SELECT p.duty_grid_code AS unit, count(*) AS filed,
                    count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ev x WHERE x.case_id = p.case_id AND x.action = 'report' AND x.actor_role = 'gridmember')) AS missed
                FROM period p WHERE p.action = 'file' GROUP BY 1),
            tasks AS (
                SELECT duty_grid_code AS unit,
                    count(*) FILTER (WHERE action IN ('verify', 'verify-false')) AS verify,
                    count(*) FILTER (WHERE action IN ('verify', 'verify-false') AND on_time) AS verify_on_time,
                    count(*) FILTER (WHERE action IN ('check-pass', 'check-fail')) AS "check",
                    count(*) FILTER (WHERE action IN ('check-pass', 'check-fail') AND on_time) AS check_on_time
                FROM period WHERE action IN ('verify', 'verify-false', 'check-pass', 'check-fail') AND actor_role = 'gridmember' GROUP BY 1)
            SELECT u.unit, coalesce(r.reported, 0), coalesce(r.valid, 0), coalesce(f.filed, 0), coalesce(f.missed, 0),
                coalesce(t.verify, 0), coalesce(t.verify_on_time, 0), coalesce(t."check", 0), coalesce(t.check_on_time, 0)
            FROM (SELECT unit FROM reports UNION SELECT unit FROM filed UNION SELECT unit FROM tasks) u
            LEFT JOIN reports r ON r.unit = u.unit LEFT JOIN filed f ON f.unit = u.unit LEFT JOIN tasks t ON t.unit = u.unit
            """;
        return await QueryAsync(sql, from, to, now, scope, r => (r.GetString(0), new CollectorCounts
        {
            Reported = r.GetInt64(1), ValidReports = r.GetInt64(2), Filed = r.GetInt64(3), Missed = r.GetInt64(4),
            VerifyTasks = r.GetInt64(5), VerifiedOnTime = r.GetInt64(6), CheckTasks = r.GetInt64(7), CheckedOnTime = r.GetInt64(8),
        }), ct);
    }

    /// <summary>受理员 counts per account: reports accepted, 核实 tasks sent with the acceptance, 核查 tasks sent (发核查), each with its on-time flag.</summary>
    public async Task<Dictionary<string, IntakeCounts>> IntakeAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, ReadScope scope, CancellationToken ct)
    {
        var sql = """
            SELECT actor,
                count(*) FILTER (WHERE action = 'accept'),
                count(*) FILTER (WHERE action = 'accept' AND to_state = 'verifying'),
                count(*) FILTER (WHERE action = 'accept' AND to_state = 'verifying' AND on_time),
                count(*) FILTER (WHERE action = 'send-check'),
                count(*) FILTER (WHERE action = 'send-check' AND on_time)
            FROM case_events
            WHERE action IN ('accept', 'send-check') AND actor_role = 'intake' AND at >= @from AND at < @to AND {visible}
            GROUP BY actor
            """;
        return await QueryAsync(sql, from, to, now, scope, r => (r.GetString(0), new IntakeCounts
        {
            Accepted = r.GetInt64(1), VerifyDispatches = r.GetInt64(2), VerifyDispatchedOnTime = r.GetInt64(3),
            CheckDispatches = r.GetInt64(4), CheckDispatchedOnTime = r.GetInt64(5),
        }), ct);
    }

    /// <summary>值班长 counts per account: filings (and those voided later), closes, each with its on-time flag.</summary>
    public async Task<Dictionary<string, ShiftLeadCounts>> ShiftLeadsAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, ReadScope scope, CancellationToken ct)
    {
        var sql = """
            WITH ev AS NOT MATERIALIZED (SELECT * FROM case_events WHERE {visible})
            SELECT p.actor,
                count(*) FILTER (WHERE p.action = 'file'),
                count(*) FILTER (WHERE p.action = 'file' AND p.on_time),
                count(*) FILTER (WHERE p.action = 'file' AND EXISTS (SELECT 1 FROM ev v WHERE v.case_id = p.case_id AND v.action = 'approve-void' AND v.seq > p.seq)),
                count(*) FILTER (WHERE p.action = 'close'),
                count(*) FILTER (WHERE p.action = 'close' AND p.on_time)
            FROM ev p
            WHERE p.action IN ('file', 'close') AND p.actor_role = 'shiftlead' AND p.at >= @from AND p.at < @to
            GROUP BY p.actor
            """;
        return await QueryAsync(sql, from, to, now, scope, r => (r.GetString(0), new ShiftLeadCounts
        {
            Filed = r.GetInt64(1), FiledOnTime = r.GetInt64(2), VoidedAfterFiling = r.GetInt64(3), Closed = r.GetInt64(4), ClosedOnTime = r.GetInt64(5),
        }), ct);
    }

    /// <summary>派遣员 counts per account: dispatches and re-dispatches; first dispatches on time; first dispatches later returned and re-dispatched (misrouted).</summary>
    public async Task<Dictionary<string, DispatcherCounts>> DispatchersAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, ReadScope scope, CancellationToken ct)
    {
        var sql = """
            WITH ev AS NOT MATERIALIZED (SELECT * FROM case_events WHERE {visible})
            SELECT p.actor,
                count(*),
                count(*) FILTER (WHERE p.action = 'dispatch'),
                count(*) FILTER (WHERE p.action = 'dispatch' AND p.on_time),
                count(*) FILTER (WHERE p.action = 'dispatch' AND EXISTS (SELECT 1 FROM ev v WHERE v.case_id = p.case_id AND v.action = 'approve-return' AND v.seq > p.seq))
            FROM ev p
            WHERE p.action IN ('dispatch', 'approve-return') AND p.actor_role = 'dispatcher' AND p.at >= @from AND p.at < @to
            GROUP BY p.actor
            """;
        return await QueryAsync(sql, from, to, now, scope, r => (r.GetString(0), new DispatcherCounts
        {
            Dispatched = r.GetInt64(1), Due = r.GetInt64(2), DispatchedOnTime = r.GetInt64(3), Misrouted = r.GetInt64(4),
        }), ct);
    }

    /// <summary>
    /// 街长记分卡 counts per chief (cases.street_chief_person_id): cases filed on their street in the period, followed to
    /// now; handling hours are natural hours from the first dispatch to the first 处置反馈 of the closed ones.
    /// </summary>
    public async Task<Dictionary<string, StreetChiefScorecard>> ChiefsAsync(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, ReadScope scope, CancellationToken ct)
    {
        var sql = $"""
            SELECT c.street_chief_person_id,
                count(*),
                count(*) FILTER (WHERE c.state = 'closed'),
                count(*) FILTER (WHERE c.state = 'closed' AND f.all_handle_on_time),
                count(*) FILTER (WHERE c.state NOT IN ({TerminalStates}) AND c.step_deadline < @now AND c.clock_paused_at IS NULL),
                count(*) FILTER (WHERE c.related_case_id IS NOT NULL),
                coalesce(sum(extract(epoch FROM f.handled_at - a.dispatched_at) / 3600.0) FILTER (WHERE c.state = 'closed'), 0)
            FROM case_facts f JOIN cases c ON c.id = f.case_id
            LEFT JOIN LATERAL (SELECT min(x.dispatched_at) AS dispatched_at FROM case_assignments x WHERE x.case_id = f.case_id) a ON true
            WHERE f.filed_at >= @from AND f.filed_at < @to AND c.street_chief_person_id IS NOT NULL AND {FactsVisible}
            GROUP BY c.street_chief_person_id
            """;
        return await QueryAsync(sql, from, to, now, scope, r => (r.GetString(0), new StreetChiefScorecard
        {
            Cases = r.GetInt64(1), Closed = r.GetInt64(2), ClosedOnTime = r.GetInt64(3), OverdueNow = r.GetInt64(4), Repeats = r.GetInt64(5),
            HandlingHours = Math.Max(0, r.GetDouble(6)),
        }), ct);
    }

    /// <summary>The reader's scope over <c>case_facts f</c> (the parameters of <see cref="ReadScopeQueries.EventsSql"/>).</summary>
    private const string FactsVisible = "(@scope_duty IS NULL OR f.duty_grid_code = @scope_duty) AND (@scope_dept IS NULL OR f.department = @scope_dept)";

    private static readonly string TerminalStates = string.Join(", ", Enum.GetValues<CaseState>().Where(s => s.IsTerminal()).Select(s => $"'{s.Slug()}'"));

    /// <summary>Still with its handler and past the handling deadline (the clock running, not shelved), as a facts row (case_facts / case_assignments) knows it.</summary>
    private static string OverdueUnhandled(string f) =>
        $"({f}.clock_step = 'handle' AND {f}.state <> 'shelved' AND {f}.deadline < @now AND {f}.state NOT IN ({TerminalStates}))";

    /// <summary>Runs a query whose <c>{visible}</c> placeholder takes the reader's scope condition; rows keyed by their first column.</summary>
    internal async Task<Dictionary<string, T>> QueryAsync<T>(string sql, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, ReadScope scope,
        Func<NpgsqlDataReader, (string Key, T Value)> read, CancellationToken ct)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        await ReadAsync(sql, from, to, now, scope, r =>
        {
            var (key, value) = read(r);
            result[key] = value;
        }, ct);
        return result;
    }

    /// <summary>Runs a query with @from, @to, @now and the scope's parameters, handing each row to <paramref name="row"/>.</summary>
    internal async Task ReadAsync(string sql, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, ReadScope scope, Action<NpgsqlDataReader> row,
        CancellationToken ct, params NpgsqlParameter[] extra)
    {
        var (visible, scopeParameters) = ReadScopeQueries.EventsSql(scope);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        try
        {
            await using var cmd = new NpgsqlCommand(sql.Replace("{visible}", visible, StringComparison.Ordinal), connection);
            cmd.Parameters.AddWithValue("from", from);
            cmd.Parameters.AddWithValue("to", to);
            cmd.Parameters.AddWithValue("now", now);
            cmd.Parameters.AddRange(scopeParameters);
            cmd.Parameters.AddRange(extra);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
