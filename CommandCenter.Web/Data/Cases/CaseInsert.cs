using System.Globalization;
using System.Text;
using CommandCenter.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CommandCenter.Web.Data.Cases;

/// <summary>
/// Writes a new case, its first audit line and its 案件编号 in one statement (one round trip, its own transaction):
/// the day's counter row is moved on, the number formed from it, and both rows inserted with it. The counter row is
/// locked only while the statement runs and commits, so concurrent intake queues for microseconds, not round trips.
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
    public static async Task InsertAsync(CommandCenterDb db, Case c, CaseEventRow first, DateOnly day, CancellationToken ct,
        Enforcement.CaseIntakeRow? intake = null)
    {
        var shape = ShapeOf(db, intake is not null);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(shape.Sql, connection);
            cmd.Parameters.AddWithValue("day", day);
            cmd.Parameters.AddWithValue("prefix", day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Bind(cmd, "c", shape.CaseColumns, c);
            Bind(cmd, "e", shape.EventColumns, first);
            if (intake is not null)
            {
                Bind(cmd, "i", shape.IntakeColumns, intake);
            }
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            c.Number = first.CaseNumber = reader.GetString(0);
            first.Seq = reader.GetInt64(1);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Bind(NpgsqlCommand cmd, string prefix, IReadOnlyList<IProperty> columns, object row)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var property = columns[i];
            var value = property.GetGetter().GetClrValue(row);
            if (value is not null && property.GetTypeMapping().Converter is { } converter)
            {
                value = converter.ConvertToProvider(value);
            }
            cmd.Parameters.Add(new NpgsqlParameter($"{prefix}{i}", value ?? DBNull.Value));
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
        var sql = new StringBuilder()
            .Append("WITH n AS (INSERT INTO case_number_counters (day, last) VALUES (@day, 1) ")
            .Append("ON CONFLICT (day) DO UPDATE SET last = case_number_counters.last + 1 RETURNING last), ")
            .Append("num AS (SELECT @prefix || CASE WHEN last < 10000 THEN lpad(last::text, 4, '0') ELSE last::text END AS number FROM n), ")
            .Append($"c AS (INSERT INTO cases (number, {Names(caseColumns)}) SELECT num.number, {Values("c", caseColumns)} FROM num RETURNING number), ")
            .Append($"e AS (INSERT INTO case_events (case_number, {Names(eventColumns)}) SELECT c.number, {Values("e", eventColumns)} FROM c RETURNING seq) ")
            .Append(withIntake ? $", i AS (INSERT INTO {intakes.GetTableName()} ({Names(intakeColumns)}) SELECT {Values("i", intakeColumns)} FROM c) " : "")
            .Append("SELECT c.number, e.seq FROM c, e")
            .ToString();
        return new Shape(sql, caseColumns, eventColumns, intakeColumns);
    }

    private sealed record Shape(string Sql, IReadOnlyList<IProperty> CaseColumns, IReadOnlyList<IProperty> EventColumns, IReadOnlyList<IProperty> IntakeColumns);
}
