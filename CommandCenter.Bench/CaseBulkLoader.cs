using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Bench;

/// <summary>
/// <c>CommandCenter.Bench load-cases</c>: benchmark data, not a history. Writes open and closed cases with their audit
/// lines straight into <c>cases</c> and <c>case_events</c> by binary COPY (seconds for 200,000 cases), spread over a
/// year before <c>--until</c>, each inside a real unit grid with that grid's codes, its category's department, numbers
/// from the per-day counters (which it moves on, so the app numbers on after them), and events whose states chain
/// from 待受理 to the case's state. It skips the workflow's rules (limits are natural time, no 催办/督办, no photos):
/// the deterministic history through the real workflow is issue 11's generator. Run it while no app is serving the
/// database, or that app's follower pushes every event it wrote.
/// </summary>
public static class CaseBulkLoader
{
    private static readonly TimeSpan CityOffset = TimeSpan.FromHours(8);
    private static readonly GeometryFactory Geo = new(new PrecisionModel(), 4326);

    /// <summary>Closed cases run through the whole workflow; open ones stop at one of these states.</summary>
    private static readonly (string Action, string From, string To, string Role, string? Step)[] Chain =
    [
        ("report", "", "reported", "intake", "accept"),
        ("accept", "reported", "pending-filing", "intake", "file"),
        ("file", "pending-filing", "filed", "intake", "dispatch"),
        ("dispatch", "filed", "dispatched", "dispatcher", "handle"),
        ("handle", "dispatched", "handled", "handler", "send-check"),
        ("send-check", "handled", "checking", "intake", "check"),
        ("check-pass", "checking", "pending-close", "gridmember", "close"),
        ("close", "pending-close", "closed", "intake", null),
    ];

    private static readonly string[] Sources = ["12345", "12345", "patrol", "patrol", "patrol", "12319", "public", "video"];

    public static async Task<int> MainAsync(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("CC_BENCH_CONNECTION") is { Length: > 0 } c ? c : BenchOptions.DefaultConnection;
        int count = 200_000, days = 365, seed = 1;
        var until = DateTimeOffset.UtcNow;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--connection": connection = args[i + 1]; break;
                case "--database": connection = new NpgsqlConnectionStringBuilder(connection) { Database = args[i + 1] }.ConnectionString; break;
                case "--cases": count = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--days": days = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seed": seed = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--until": until = DateTimeOffset.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine("usage: CommandCenter.Bench load-cases [--database NAME | --connection CS] [--cases 200000] [--days 365] [--until ISO] [--seed 1]");
                    return 2;
            }
        }
        var report = await LoadAsync(connection, count, until, days, seed, CancellationToken.None);
        Console.WriteLine(report);
        return 0;
    }

    public sealed record LoadReport(int Cases, int Open, long Events, double Seconds)
    {
        public override string ToString() => BenchContext.Invariant($"loaded {Cases} cases ({Open} open) and {Events} events in {Seconds:0.0} s");
    }

    public static async Task<LoadReport> LoadAsync(string connectionString, int count, DateTimeOffset until, int days, int seed, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // Completing a COPY waits for the server to run the facts trigger on every audit line: minutes, not the default 30 s.
        builder.ConnectionStringBuilder.CommandTimeout = 1800;
        builder.UseNetTopologySuite();
        await using var dataSource = builder.Build();
        await using var db = await dataSource.OpenConnectionAsync(ct);

        var places = new List<(string Grid, string Community, string Subdistrict, string Duty, double Lon, double Lat)>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT g.code, g.community_code, g.subdistrict_code, g.duty_grid_code, ST_X(p.geom), ST_Y(p.geom)
            FROM unit_grids g, LATERAL ST_Dump(ST_GeneratePoints(g.geom, 3, @seed)) p ORDER BY g.code, 5, 6
            """, db))
        {
            cmd.Parameters.AddWithValue("seed", seed);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                places.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDouble(4), r.GetDouble(5)));
            }
        }
        if (places.Count == 0)
        {
            throw new InvalidOperationException("no unit grids in the database: import a city first");
        }
        var categories = new List<(string Code, string Department, double Limit, string Unit, string Name)>();
        await using (var cmd = new NpgsqlCommand("SELECT code, department_code, limit_value, limit_unit, name FROM categories ORDER BY code", db))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                categories.Add((r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetString(3), r.GetString(4)));
            }
        }
        var counters = new Dictionary<DateOnly, int>();
        await using (var cmd = new NpgsqlCommand("SELECT day, last FROM case_number_counters", db))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                counters[DateOnly.FromDateTime(r.GetDateTime(0))] = r.GetInt32(1);
            }
        }

        var random = new Random(seed);
        var span = TimeSpan.FromDays(days);
        var times = Enumerable.Range(0, count).Select(_ => until - span * random.NextDouble()).Order().ToArray();
        var events = new List<EventLine>(count * 6);
        var open = 0;
        await using (var writer = await db.BeginBinaryImportAsync("""
            COPY cases (id, number, state, category_code, source, description, address, reporter, location, grid_code, duty_grid_code,
                        community_code, subdistrict_code, department_code, reported_at, updated_at, closed_at, clock_step, step_started_at,
                        step_deadline, step_limit_value, step_limit_unit, handling_on_time, dispatch_count, return_count, rework_count,
                        extension_count, supervision_level, version, reminder_count, step_reminders_sent) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var reported in times)
            {
                var place = places[random.Next(places.Count)];
                var category = categories[random.Next(categories.Count)];
                var day = DateOnly.FromDateTime((reported + CityOffset).DateTime);
                var seq = counters[day] = counters.GetValueOrDefault(day) + 1;
                var number = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + seq.ToString("D4", CultureInfo.InvariantCulture);
                var age = until - reported;
                // Recent cases are often still open; a few old ones linger (shelved or stuck) as in a real city.
                var stays = age < TimeSpan.FromDays(10) ? random.NextDouble() < 0.4 : random.NextDouble() < 0.005;
                var steps = stays ? new[] { 1, 3, 4, 4, 4, 5 }[random.Next(6)] : Chain.Length;
                if (stays)
                {
                    open++;
                }
                var limit = TimeSpan.FromHours(category.Unit == "workingDays" ? category.Limit * 24 : category.Limit);
                var at = reported;
                var idBytes = new byte[16];
                random.NextBytes(idBytes);
                var id = new Guid(idBytes);
                var source = Sources[random.Next(Sources.Length)];
                DateTimeOffset stepStarted = reported, deadline = reported + limit;
                for (var s = 0; s < steps; s++)
                {
                    var link = Chain[s];
                    if (s > 0)
                    {
                        at += TimeSpan.FromMinutes(5 + random.Next(Math.Max(1, (int)Math.Min(age.TotalMinutes, 240) / Chain.Length)));
                        if (at > until) at = until;
                    }
                    stepStarted = at;
                    deadline = at + limit;
                    events.Add(new EventLine(id, number, s, at, place.Grid, place.Duty, category.Code, category.Department, source, place.Lon, place.Lat, reported,
                        link.Step is null ? null : deadline, link.Step));
                }
                var last = Chain[steps - 1];
                var closed = last.To == "closed";
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(number, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(last.To, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(category.Code, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(source, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync($"基准数据: {category.Name}", NpgsqlDbType.Varchar, ct);
                await writer.WriteNullAsync(ct);
                await writer.WriteAsync("CommandCenter.Bench", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(Geo.CreatePoint(new Coordinate(place.Lon, place.Lat)), ct);
                await writer.WriteAsync(place.Grid, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(place.Duty, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(place.Community, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(place.Subdistrict, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(category.Department, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(reported, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                await Nullable(writer, closed ? at : null, NpgsqlDbType.TimestampTz, ct);
                await Nullable(writer, last.Step, NpgsqlDbType.Varchar, ct);
                await Nullable(writer, closed ? null : stepStarted, NpgsqlDbType.TimestampTz, ct);
                await Nullable(writer, closed ? null : deadline, NpgsqlDbType.TimestampTz, ct);
                await Nullable(writer, closed ? null : limit.TotalHours, NpgsqlDbType.Double, ct);
                await Nullable(writer, closed ? null : "naturalHours", NpgsqlDbType.Varchar, ct);
                await Nullable(writer, closed ? true : null, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(steps >= 4 ? 1 : 0, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(steps, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
            }
            await writer.CompleteAsync(ct);
        }

        // Audit lines in time order, so their sequence numbers read like a day's log.
        events.Sort((a, b) => a.At.CompareTo(b.At));
        // The facts trigger's statements are planned once for the whole COPY, against the fact tables as they are before it:
        // with a few rows analysed there (P2 empties them, then takes ~2,000 reports) the plan is a sequential scan, run
        // for each of ~800,000 lines over tables growing to 100,000 rows (the load ran 20+ minutes instead of 30 s).
        await using (var cmd = new NpgsqlCommand("SET enable_seqscan = off", db))
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var writer = await db.BeginBinaryImportAsync("""
            COPY case_events (case_id, case_number, action, from_state, to_state, actor, actor_role, at, photo_ids, department, deadline,
                              overdue, category_code, grid_code, lon, lat, level, reported_at, source, duty_grid_code, step, flags, supervision)
            FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var e in events)
            {
                var link = Chain[e.Step];
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(e.CaseId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(e.Number, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(link.Action, NpgsqlDbType.Varchar, ct);
                await Nullable(writer, link.From.Length == 0 ? null : link.From, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(link.To, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync($"bench-{link.Role}", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(link.Role, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(e.At, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(Array.Empty<Guid>(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(e.Department, NpgsqlDbType.Varchar, ct);
                await Nullable(writer, e.Deadline, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(e.Category, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(e.Grid, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(e.Lon, NpgsqlDbType.Double, ct);
                await writer.WriteAsync(e.Lat, NpgsqlDbType.Double, ct);
                await Nullable(writer, link.Step is null ? null : "green", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(e.Reported, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(e.Source, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(e.Duty, NpgsqlDbType.Varchar, ct);
                await Nullable(writer, e.StepSlug, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
            }
            await writer.CompleteAsync(ct);
        }

        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO case_number_counters (day, last) SELECT * FROM unnest(@days, @lasts)
            ON CONFLICT (day) DO UPDATE SET last = GREATEST(case_number_counters.last, EXCLUDED.last)
            """, db))
        {
            cmd.Parameters.Add(new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = counters.Keys.ToArray() });
            cmd.Parameters.Add(new NpgsqlParameter("lasts", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = counters.Values.ToArray() });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var cmd = new NpgsqlCommand("RESET enable_seqscan; ANALYZE cases; ANALYZE case_events; ANALYZE case_number_counters; ANALYZE case_facts; ANALYZE case_assignments", db))
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return new LoadReport(count, open, events.Count, watch.Elapsed.TotalSeconds);
    }

    private static async Task Nullable(NpgsqlBinaryImporter writer, object? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(ct);
        }
        else
        {
            await writer.WriteAsync(value, type, ct);
        }
    }

    private sealed record EventLine(Guid CaseId, string Number, int Step, DateTimeOffset At, string Grid, string Duty, string Category, string Department,
        string Source, double Lon, double Lat, DateTimeOffset Reported, DateTimeOffset? Deadline, string? StepSlug);
}
