using Npgsql;

namespace CommandCenter.Web.Data;

/// <summary>The connection settings the app runs with, whatever the configured connection string leaves out.</summary>
public static class DatabaseConnection
{
    /// <summary>
    /// The connection string with its database replaced by <c>Database:Name</c> when that is set, so one server's
    /// settings serve several databases (<c>Database__Name=commandcenter_scale</c> for the city-scale data).
    /// </summary>
    public static string WithDatabase(string connectionString, string? database)
    {
        if (string.IsNullOrWhiteSpace(database))
        {
            return connectionString;
        }
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = database.Trim() }.ConnectionString;
    }

    /// <summary>The server settings every app connection starts with (see <see cref="Tune"/>).</summary>
    public const string SessionOptions = "-c plan_cache_mode=force_custom_plan -c jit=off";

    /// <summary>
    /// Keeps a few connections open and their statements prepared: a fresh backend pays tens of milliseconds to plan
    /// its first PostGIS query, which intake must not pay per request.
    /// </summary>
    public static string Tune(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        if (b.MaxAutoPrepare == 0)
        {
            b.MaxAutoPrepare = 64;
            b.AutoPrepareMinUsages = 2;
        }
        if (b.MinPoolSize == 0)
        {
            b.MinPoolSize = 4;
        }
        // Prepared statements keep their parse, but are planned for their values each time: after five runs PostgreSQL
        // may switch a statement to a generic plan, which for "cases in this box" cannot tell a street from the whole
        // city (EXPLAIN ANALYZE at 200,000 cases: a z12 case tile 181 ms generic vs 8 ms custom, the duplicate search
        // 1.2 vs 0.06 ms). And no JIT: the planner's cost estimate for a city-wide tile switches it on, and compiling
        // took longer than the query (the z11 grid tile: 450–640 ms with JIT, 220 ms without).
        // Not reset when returned to the pool: Npgsql's reset is seven statements run before the connection's next
        // command, and with a connection borrowed per query that was ~15 resets per intake (100,000 in one P2 pass, a
        // large share of PostgreSQL's CPU). Nothing the app does leaves session state on a pooled connection; the few
        // that hold a lock or a LISTEN open theirs as a SessionConnection, which ends it. Transactions are still rolled back.
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            b.NoResetOnClose = true;
        }
        if (string.IsNullOrEmpty(b.Options))
        {
            b.Options = SessionOptions;
        }
        return b.ConnectionString;
    }

    /// <summary>
    /// Plans the duplicate search once on every new server connection, before a request can use it. A fresh backend
    /// spends 40–60 ms on the first plan touching <c>cases</c> (loading the table's thirteen indexes, their statistics
    /// and PostGIS into its caches; EXPLAIN shows ~540 buffer reads in planning, then 0.4 ms); intake would pay that
    /// on each connection the pool opens under load. Skipped while the table does not exist yet (before migrating).
    /// </summary>
    public const string WarmUpSql = """
        DO $$ BEGIN
          IF to_regclass('public.cases') IS NOT NULL THEN
            EXECUTE 'EXPLAIN SELECT * FROM cases c WHERE c.category_code = ''00000'' AND c.reported_at >= now() AND c.state = ANY (ARRAY[''reported'']) '
                 || 'AND ST_DWithin(c.location, ST_SetSRID(ST_MakePoint(0, 0), 4326), 0.001)';
            EXECUTE 'EXPLAIN INSERT INTO case_events (case_id) SELECT id FROM cases LIMIT 0';
          END IF;
        END $$
        """;

    public static void Warm(NpgsqlConnection connection)
    {
        using var cmd = new NpgsqlCommand(WarmUpSql, connection);
        cmd.ExecuteNonQuery();
    }

    public static async Task WarmAsync(NpgsqlConnection connection)
    {
        await using var cmd = new NpgsqlCommand(WarmUpSql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
