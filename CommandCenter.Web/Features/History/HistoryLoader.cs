using System.Diagnostics;
using System.Globalization;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Bulk;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Data.Evaluation;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Web.Features.History;

/// <summary>
/// Loads a generated history into the database with binary COPY, in one transaction (all or nothing), and moves the
/// day counters of 案件编号 past the numbers it used. History events take negative sequence numbers, oldest first:
/// they come before every live event, a running app's change follower (which reads after its position, never
/// below 0) does not hand them on, and the live sequence is left alone. One history per database: a second load is refused.
/// </summary>
public sealed class HistoryLoader(CommandCenterDb db, CityGeography city, CaseRulesProvider rulesProvider, CityClock clock)
{
    private const int ProgressEvery = 200_000;

    /// <summary>Whether a history is already in the database.</summary>
    public Task<bool> HasHistoryAsync(CancellationToken ct = default) => db.CaseEvents.AnyAsync(e => e.Seq < 0, ct);

    public async Task<HistoryResult> LoadAsync(HistoryOptions options, CancellationToken ct = default)
    {
        if (await HasHistoryAsync(ct))
        {
            throw new InvalidOperationException("This database already holds a history (events with negative sequence numbers); reset it to load another.");
        }
        if (!city.IsLoaded)
        {
            await city.ReloadAsync(ct);
        }
        // Live cases already written keep their place after the history: it ends before the first of them.
        var firstLive = await db.CaseEvents.MinAsync(e => (DateTimeOffset?)e.At, ct);
        var until = firstLive is { } live && live.AddSeconds(-1) < options.Until ? live.AddSeconds(-1) : options.Until;
        var rules = await rulesProvider.CurrentAsync(ct);
        var staff = await HistoryStaff.LoadAsync(db, ct);
        var counters = await db.CaseNumberCounters.AsNoTracking().ToDictionaryAsync(c => c.Day, c => c.Last, ct);

        var watch = Stopwatch.StartNew();
        var cases = new HistoryGenerator(city.Index, rules, staff, clock).Generate(options with { Until = until }, counters);
        var generating = watch.Elapsed;
        // Oldest first across all cases (a case's own events are in order already: the sort is stable).
        var events = cases.SelectMany(c => c.Events).OrderBy(e => e.At).ToList();
        for (var i = 0; i < events.Count; i++)
        {
            events[i].Seq = i - events.Count;
        }
        options.Progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"generated {cases.Count:N0} cases and {events.Count:N0} events in {generating.TotalSeconds:F0} s; copying"));

        watch.Restart();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            // The evaluation facts are built set-wise after the copy rather than by the trigger row by row.
            await ExecuteAsync(connection, "ALTER TABLE case_events DISABLE TRIGGER case_events_facts", ct);
            await new BulkCopy<Case>(db).WriteAsync(connection, Reporting(cases.Select(c => c.Case), "cases", cases.Count, options.Progress), ct);
            await new BulkCopy<CaseEventRow>(db).WriteAsync(connection, Reporting(events, "events", events.Count, options.Progress), ct);
            await ExecuteAsync(connection, "ALTER TABLE case_events ENABLE TRIGGER case_events_facts", ct);
            options.Progress?.Invoke("building the evaluation facts");
            await ExecuteAsync(connection, CaseFactsSql.Build.Replace("{events}", "seq < 0", StringComparison.Ordinal), ct);
            var days = cases.GroupBy(c => DateOnly.ParseExact(c.Case.Number[..8], "yyyyMMdd", CultureInfo.InvariantCulture))
                .Select(g => (Day: g.Key, Last: g.Max(c => int.Parse(c.Case.Number[8..], CultureInfo.InvariantCulture)))).ToList();
            await using (var counterCmd = new NpgsqlCommand(
                """
                INSERT INTO case_number_counters (day, last) SELECT * FROM unnest(@days, @lasts)
                ON CONFLICT (day) DO UPDATE SET last = GREATEST(case_number_counters.last, EXCLUDED.last)
                """, connection, tx))
            {
                counterCmd.Parameters.AddWithValue("days", days.Select(d => d.Day).ToArray());
                counterCmd.Parameters.AddWithValue("lasts", days.Select(d => d.Last).ToArray());
                await counterCmd.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            await ExecuteAsync(connection, "ANALYZE cases; ANALYZE case_events; ANALYZE case_facts; ANALYZE case_assignments;", ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var copying = watch.Elapsed;
        options.Progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"copied in {copying.TotalSeconds:F0} s"));
        var firstDay = cases.Count > 0 ? DateOnly.FromDateTime(clock.ToLocal(cases[0].Case.ReportedAt)) : DateOnly.FromDateTime(clock.ToLocal(until));
        return new HistoryResult(cases.Count, events.Count, firstDay, until, generating, copying);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static IEnumerable<T> Reporting<T>(IEnumerable<T> rows, string what, int total, Action<string>? progress)
    {
        var n = 0;
        foreach (var row in rows)
        {
            yield return row;
            if (++n % ProgressEvery == 0)
            {
                progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"copying {what}: {n:N0}/{total:N0}"));
            }
        }
    }
}
