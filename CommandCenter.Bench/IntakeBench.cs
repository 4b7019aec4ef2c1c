using System.Diagnostics;
using System.Net.Http.Json;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Bench;

/// <summary>
/// P2 intake: cases accepted per second by 8 concurrent clients posting <c>/api/cases</c> (validate, locate, look for
/// duplicates, number, persist with the audit line, broadcast), against the raw case + audit insert transaction over
/// TCP (Npgsql, 8 connections, tables made <c>LIKE cases</c> / <c>LIKE case_events</c> with their indexes). Measured on
/// an empty case table and again with 100,000 cases loaded (issue 16: intake must not slow down as the day fills).
/// Goal: ≥ 50% of raw.
/// </summary>
public sealed class IntakeBench : IMeasure
{
    public const int Clients = 8;
    public const int Existing = 100_000;

    // Before each run and after the last: the demo city without cases, their events, numbers and alerts, and without the
    // facts the event trigger derived from them and the intake rows (no foreign key takes those with the cases: P2 used
    // to leave ~100,000 facts of cases that no longer existed for the pages measured after it).
    private const string EmptyCasesSql = "TRUNCATE cases, case_events, case_number_counters, alerts, case_intakes, case_facts, case_assignments CASCADE";

    private const string MeasuredDescription = "基准测试: 受理速率 (CommandCenter.Bench)";
    private const string WarmUpDescription = "基准测试: 预热 (CommandCenter.Bench)";

    public string Id => "P2";

    public string Title => "intake: cases accepted per second, 8 clients";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken ct)
    {
        var options = context.Options;
        var seconds = options.Quick ? 5 : 20;
        var results = new List<MeasureResult>();
        // The app migrates and seeds the demo database as it starts: run on its own (--only P2), the tables exist only after that.
        await context.DemoAppAsync(ct);
        context.StopDemoApp();
        await ExecuteAsync(options.ConnectionString, EmptyCasesSql, ct);
        await PrepareRawTablesAsync(options.ConnectionString, copyExisting: false, ct);
        results.Add(await MeasureAsync(context, seconds, "P2", "intake on an empty case table", ct));

        context.StopDemoApp();
        BenchContext.Log($"loading {Existing:N0} benchmark cases");
        var loaded = await CaseBulkLoader.LoadAsync(options.ConnectionString, Existing, DateTimeOffset.UtcNow.AddHours(-1), 365, 16, ct);
        BenchContext.Log(loaded.ToString());
        await PrepareRawTablesAsync(options.ConnectionString, copyExisting: true, ct);
        results.Add(await MeasureAsync(context, seconds, "P2@100k", $"intake with {await CityPoints.CountAsync(options.ConnectionString, "cases", ct):N0} cases", ct));

        // The demo city goes back to no cases: P5 measures the wall with the 50 open cases it seeds, not with the
        // 100,000 loaded here and the thousands of reports just taken (a full pass left ~13,000 open, see README).
        context.StopDemoApp();
        await ExecuteAsync(options.ConnectionString, $"{EmptyCasesSql}; DROP TABLE IF EXISTS bench_raw_events; DROP TABLE IF EXISTS bench_raw_cases", ct);
        return results;
    }

    private static async Task<MeasureResult> MeasureAsync(BenchContext context, int seconds, string id, string title, CancellationToken ct)
    {
        var app = await context.DemoAppAsync(ct);
        var points = await CityPoints.InsideGridsAsync(context.Options.ConnectionString, 548, ct);
        var token = await BenchContext.TokenAsync(app.BaseUri, "intake", ct);
        using var http = BenchContext.Client(app.BaseUri, token, Clients);
        // Warm-up: JIT, the connection pool and prepared statements, as a server that has been up a while. Under this
        // load the JIT's tiering thread (its profile-guided rejits) took 26 % of the app's CPU 5–9 s in and 44 % at
        // 15–23 s, and nothing at 45 s (perf, README): a 2 s warm-up measured a server not yet up to speed.
        // The warm-up reports at other points (one at random in each grid): at the measured ones, each measured report would
        // find ~20 of them as likely duplicates (548 points, a 24 h window), which a table of real reports does not hold.
        var elsewhere = await CityPoints.RandomInsideGridsAsync(context.Options.ConnectionString, 548, ct);
        await RunClientsAsync(TimeSpan.FromSeconds(context.Options.Quick ? 15 : 40), i => PostAsync(http, elsewhere, i, WarmUpDescription, ct), ct);
        var (count, latencies, elapsed) = await RunClientsAsync(TimeSpan.FromSeconds(seconds), i => PostAsync(http, points, i, MeasuredDescription, ct), ct);
        var rate = count / elapsed;

        await using var raw = new RawInsert(context.Options.ConnectionString);
        await RunClientsAsync(TimeSpan.FromSeconds(3), _ => raw.InsertAsync(ct), ct);
        var (rawCount, rawLatencies, rawElapsed) = await RunClientsAsync(TimeSpan.FromSeconds(seconds), _ => raw.InsertAsync(ct), ct);
        var rawRate = rawCount / rawElapsed;
        var ratio = rate / rawRate;
        return new MeasureResult(id, title,
            new Dictionary<string, double> { ["cases/s"] = Math.Round(rate, 1), ["p50 ms"] = Percentile.Of(latencies, 50), ["p99 ms"] = Percentile.Of(latencies, 99), ["accepted"] = count },
            new Dictionary<string, double> { ["tx/s"] = Math.Round(rawRate, 1), ["p50 ms"] = Percentile.Of(rawLatencies, 50), ["p99 ms"] = Percentile.Of(rawLatencies, 99) },
            ratio, "cases/s / raw tx/s", "≥ 0.5 of raw", ratio >= 0.5);
    }

    private static async Task PostAsync(HttpClient http, IReadOnlyList<(double Lon, double Lat)> points, int i, string description, CancellationToken ct)
    {
        var p = points[i % points.Count];
        using var response = await http.PostAsJsonAsync("api/cases", new
        {
            lon = p.Lon, lat = p.Lat, category = (i % 3) switch { 0 => "20102", 1 => "20201", _ => "20506" }, source = "12345",
            description,
        }, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/cases: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }
    }

    /// <summary>Runs <see cref="Clients"/> loops of <paramref name="work"/> for the duration; returns how many finished, their latencies and the time.</summary>
    private static async Task<(int Count, List<double> Latencies, double Seconds)> RunClientsAsync(TimeSpan duration, Func<int, Task> work, CancellationToken ct)
    {
        var latencies = new List<double>();
        var counter = 0;
        var watch = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, Clients).Select(async _ =>
        {
            var mine = new List<double>();
            while (watch.Elapsed < duration && !ct.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref counter);
                var started = Stopwatch.GetTimestamp();
                await work(i);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            lock (latencies)
            {
                latencies.AddRange(mine);
            }
        }).ToList();
        await Task.WhenAll(loops);
        return (latencies.Count, latencies, watch.Elapsed.TotalSeconds);
    }

    private static async Task PrepareRawTablesAsync(string connectionString, bool copyExisting, CancellationToken ct)
    {
        // Same columns, defaults and indexes as the app's tables, but a sequence of their own, so the app's event log has no gaps.
        await ExecuteAsync(connectionString, """
            DROP TABLE IF EXISTS bench_raw_events; DROP TABLE IF EXISTS bench_raw_cases; DROP SEQUENCE IF EXISTS bench_raw_events_seq;
            CREATE TABLE bench_raw_cases (LIKE cases INCLUDING ALL);
            CREATE TABLE bench_raw_events (LIKE case_events INCLUDING ALL);
            CREATE SEQUENCE bench_raw_events_seq;
            ALTER TABLE bench_raw_events ALTER COLUMN seq SET DEFAULT cc_next_seq('bench_raw_events_seq');
            """, ct);
        if (copyExisting)
        {
            await ExecuteAsync(connectionString, """
                INSERT INTO bench_raw_cases SELECT * FROM cases;
                INSERT INTO bench_raw_events SELECT * FROM case_events;
                SELECT setval('bench_raw_events_seq', (SELECT coalesce(max(seq), 1) FROM bench_raw_events));
                ANALYZE bench_raw_cases; ANALYZE bench_raw_events;
                """, ct);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, db) { CommandTimeout = 600 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The anchor: one case row and one audit row in a transaction, the values a report writes, nothing else.</summary>
    private sealed class RawInsert(string connectionString) : IAsyncDisposable
    {
        private readonly NpgsqlDataSource _source = BuildSource(connectionString);
        private long _next;

        private static NpgsqlDataSource BuildSource(string cs)
        {
            // Pooled connections go back unreset, as the app's do (DatabaseConnection.Tune): Npgsql's reset is seven statements.
            var b = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(cs) { MaxAutoPrepare = 16, MinPoolSize = Clients, NoResetOnClose = true }.ConnectionString);
            b.UseNetTopologySuite();
            return b.Build();
        }

        public async Task InsertAsync(CancellationToken ct)
        {
            var n = Interlocked.Increment(ref _next);
            var id = Guid.NewGuid();
            var number = $"9{n:D11}";
            var now = DateTimeOffset.UtcNow;
            await using var db = await _source.OpenConnectionAsync(ct);
            await using var tx = await db.BeginTransactionAsync(ct);
            await using var batch = new NpgsqlBatch(db, tx);
            var insertCase = new NpgsqlBatchCommand("""
                INSERT INTO bench_raw_cases (id, number, state, category_code, source, description, address, reporter, location, grid_code,
                    duty_grid_code, community_code, subdistrict_code, department_code, reported_at, updated_at, clock_step, step_started_at,
                    step_deadline, step_limit_value, step_limit_unit, dispatch_count, return_count, rework_count, extension_count,
                    supervision_level, version, reminder_count, step_reminders_sent)
                VALUES ($1, $2, 'reported', '20102', '12345', '基准测试: 受理速率', '新街口', 'intake', ST_SetSRID(ST_MakePoint(118.78, 32.044), 4326),
                    '320102001001001', '320102001001', '320102001001', '320102001', 'sanitation', $3, $3, 'accept', $3, $4, 2, 'workingHours',
                    0, 0, 0, 0, 0, 1, 0, 0)
                """);
            insertCase.Parameters.Add(new NpgsqlParameter { Value = id });
            insertCase.Parameters.Add(new NpgsqlParameter { Value = number });
            insertCase.Parameters.Add(new NpgsqlParameter { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insertCase.Parameters.Add(new NpgsqlParameter { Value = now.AddHours(2), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            var insertEvent = new NpgsqlBatchCommand("""
                INSERT INTO bench_raw_events (case_id, case_number, action, to_state, actor, actor_role, at, note, photo_ids, department, deadline,
                    overdue, category_code, grid_code, lon, lat, level, reported_at, source, street, duty_grid_code, step, flags, supervision)
                VALUES ($1, $2, 'report', 'reported', 'intake', 'intake', $3, '基准测试: 受理速率', '{}', 'sanitation', $4, false, '20102',
                    '320102001001001', 118.78, 32.044, 'green', $3, '12345', '新街口', '320102001001', 'accept', '{}', 0)
                """);
            insertEvent.Parameters.Add(new NpgsqlParameter { Value = id });
            insertEvent.Parameters.Add(new NpgsqlParameter { Value = number });
            insertEvent.Parameters.Add(new NpgsqlParameter { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insertEvent.Parameters.Add(new NpgsqlParameter { Value = now.AddHours(2), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(insertCase);
            batch.BatchCommands.Add(insertEvent);
            await batch.ExecuteNonQueryAsync(ct);
            await tx.CommitAsync(ct);
        }

        public ValueTask DisposeAsync() => _source.DisposeAsync();
    }
}
