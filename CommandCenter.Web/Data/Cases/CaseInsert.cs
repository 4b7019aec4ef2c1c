using System.Globalization;
using System.Text;
using CommandCenter.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CommandCenter.Web.Data.Cases;

/// <summary>
/// Writes a new case, its first audit line and its 案件编号 in one round trip. The day's counter row is moved on in a
/// transaction of its own that commits without waiting for its WAL flush, and the case and audit rows are then inserted
/// with that number in a second, durable one, in the same batch. A counter row held until the case's commit had every
/// intake wait for the previous one's disk flush: intake ran one flush at a time (P2, ~250 cases/s here) while
/// independent inserts share their flushes. The counter commit needs no flush of its own: the case's commit flushes the
/// WAL up to it, and a crash before that loses only a number no case had. A case that fails to insert leaves a gap in
/// the day's numbers. Inside an open transaction (rows written alongside) the counter is moved in that transaction.
/// Columns, types and value conversions come from the EF model, so the rows are exactly what SaveChanges would write.
/// </summary>
public static class CaseInsert
{
    private static readonly Lock BuildLock = new();
    private static Shape? _shape;
    private static Shape? _shapeWithIntake;

    /// <summary>
    /// Inserts <paramref name="c"/> and <paramref name="first"/> (and the intake's zone/leniency row, when there is one, in the
    /// same statement); sets their number and the event's sequence number.
    /// </summary>
    /// <returns>
    /// The <see cref="DuplicateCandidates"/> reported since <paramref name="duplicatesSince"/>, read in the same batch just
    /// before the insert; empty when it is null.
    /// </returns>
    public static async Task<IReadOnlyList<Case>> InsertAsync(CommandCenterDb db, Case c, CaseEventRow first, DateOnly day, CancellationToken ct,
        Enforcement.CaseIntakeRow? intake = null, DateTimeOffset? duplicatesSince = null)
    {
        var shape = ShapeOf(db, intake is not null);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var own = db.Database.CurrentTransaction is null;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            var insert = new NpgsqlBatchCommand(own ? shape.InsertNumberedSql : shape.Sql);
            if (own)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
                var number = new NpgsqlBatchCommand(CounterSql);
                BindDay(number.Parameters, day);
                batch.BatchCommands.Add(number);
                batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            }
            else
            {
                BindDay(insert.Parameters, day);
            }
            if (duplicatesSince is { } since)
            {
                batch.BatchCommands.Add(DuplicateCandidates.Command(c.CategoryCode, c.Location, since));
            }
            Bind(insert.Parameters, "c", shape.CaseColumns, c);
            Bind(insert.Parameters, "e", shape.EventColumns, first);
            if (intake is not null)
            {
                Bind(insert.Parameters, "i", shape.IntakeColumns, intake);
            }
            batch.BatchCommands.Add(insert);
            await using var reader = await batch.ExecuteReaderAsync(ct);
            // Results by their width: the counter's one column, the candidates' six, the insert's (number, seq).
            var candidates = new List<Case>();
            var inserted = false;
            do
            {
                while (reader.FieldCount is 2 or DuplicateCandidates.Columns && await reader.ReadAsync(ct))
                {
                    if (reader.FieldCount == DuplicateCandidates.Columns)
                    {
                        candidates.Add(DuplicateCandidates.Read(reader));
                    }
                    else
                    {
                        c.Number = first.CaseNumber = reader.GetString(0);
                        first.Seq = reader.GetInt64(1);
                        inserted = true;
                    }
                }
            }
            while (await reader.NextResultAsync(ct));
            return inserted ? candidates : throw new InvalidOperationException("The case insert returned no row.");
        }
        catch when (own)
        {
            // A failed counter statement leaves its transaction open and aborted on this connection: end it. A broken
            // connection is dropped from the pool anyway, and the first failure is the one to report (a database going
            // away must still answer 503, not the cleanup's own error).
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                try
                {
                    await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
                    await rollback.ExecuteNonQueryAsync(CancellationToken.None);
                }
                catch (Exception cleanup) when (cleanup is NpgsqlException or InvalidOperationException or TimeoutException)
                {
                    NpgsqlConnection.ClearPool(connection);
                }
            }
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Moves the day's counter on and leaves the number formed from it in the session for the insert after it.</summary>
    private const string CounterSql = $"WITH {CounterCte} SELECT set_config('{NumberSetting}', {NumberSql}, false) FROM n";

    /// <summary>The day's counter moved on (a row per day, locked until its transaction ends): <c>n(last)</c>.</summary>
    private const string CounterCte = "n AS (INSERT INTO case_number_counters (day, last) VALUES (@day, 1) "
        + "ON CONFLICT (day) DO UPDATE SET last = case_number_counters.last + 1 RETURNING last)";

    private const string NumberSetting = "commandcenter.case_number";
    private const string NumberSql = "@prefix || CASE WHEN last < 10000 THEN lpad(last::text, 4, '0') ELSE last::text END";

    private static void BindDay(NpgsqlParameterCollection parameters, DateOnly day)
    {
        parameters.AddWithValue("day", day);
        parameters.AddWithValue("prefix", day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
    }

    private static void Bind(NpgsqlParameterCollection parameters, string prefix, IReadOnlyList<IProperty> columns, object row)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var property = columns[i];
            var value = property.GetGetter().GetClrValue(row);
            if (value is not null && property.GetTypeMapping().Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }
            parameters.Add(new NpgsqlParameter($"{prefix}{i}", value ?? DBNull.Value));
        }
    }

    private static Shape ShapeOf(CommandCenterDb db, bool withIntake)
    {
        lock (BuildLock)
        {
            return withIntake ? _shapeWithIntake ??= Build(db.Model, true) : _shape ??= Build(db.Model, false);
        }
    }

    private static Shape Build(IModel model, bool withIntake)
    {
        var cases = model.FindEntityType(typeof(Case))!;
        var events = model.FindEntityType(typeof(CaseEventRow))!;
        var intakes = model.FindEntityType(typeof(Enforcement.CaseIntakeRow))!;
        // The number is made in the statement; the event's sequence number by its column default.
        var caseColumns = cases.GetProperties().Where(p => p.Name != nameof(Case.Number)).ToList();
        var eventColumns = events.GetProperties().Where(p => p.Name is not nameof(CaseEventRow.Seq) and not nameof(CaseEventRow.CaseNumber)).ToList();
        var intakeColumns = withIntake ? intakes.GetProperties().ToList() : [];
        static string Values(string prefix, IReadOnlyList<IProperty> columns) =>
            string.Join(", ", columns.Select((p, i) => $"CAST(@{prefix}{i} AS {p.GetColumnType()})"));
        static string Names(IReadOnlyList<IProperty> columns) => string.Join(", ", columns.Select(p => $"\"{p.GetColumnName()}\""));
        string Rows(string numberFrom, string numberSource) => new StringBuilder()
            .Append($"c AS (INSERT INTO cases (number, {Names(caseColumns)}) SELECT {numberFrom}, {Values("c", caseColumns)}{numberSource} RETURNING number), ")
            .Append($"e AS (INSERT INTO case_events (case_number, {Names(eventColumns)}) SELECT c.number, {Values("e", eventColumns)} FROM c RETURNING seq) ")
            .Append(withIntake ? $", i AS (INSERT INTO {intakes.GetTableName()} ({Names(intakeColumns)}) SELECT {Values("i", intakeColumns)} FROM c) " : "")
            .Append("SELECT c.number, e.seq FROM c, e")
            .ToString();
        var sql = $"WITH {CounterCte}, num AS (SELECT {NumberSql} AS number FROM n), " + Rows("num.number", " FROM num");
        var numbered = "WITH " + Rows($"current_setting('{NumberSetting}')", "");
        return new Shape(sql, numbered, caseColumns, eventColumns, intakeColumns);
    }

    /// <param name="Sql">Counter, number and rows in one statement (inside an open transaction).</param>
    /// <param name="InsertNumberedSql">The rows alone, numbered from the session setting <see cref="CounterSql"/> left.</param>
    private sealed record Shape(string Sql, string InsertNumberedSql, IReadOnlyList<IProperty> CaseColumns, IReadOnlyList<IProperty> EventColumns, IReadOnlyList<IProperty> IntakeColumns);
}
