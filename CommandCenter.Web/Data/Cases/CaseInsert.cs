using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CommandCenter.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CommandCenter.Web.Data.Cases;

/// <summary>
/// Writes a new case and its first audit line with its 案件编号. Inside an open transaction (rows written alongside, a
/// citizen's contact) the day's counter row is moved on in that transaction, just before the insert. On their own,
/// reports go through <see cref="CaseInsertQueue"/>, which numbers and writes them a batch at a time with the shapes
/// built here. Columns, types and value conversions come from the EF model, so the rows are exactly what SaveChanges
/// would write.
/// </summary>
public static partial class CaseInsert
{
    private static readonly Lock BuildLock = new();
    private static Shape? _shape;
    private static Shape? _shapeWithIntake;

    /// <summary>
    /// Inserts <paramref name="c"/> and <paramref name="first"/> in the context's open transaction, moving the day's counter
    /// on in it first (the counter row stays locked until that transaction ends); sets their number and the event's
    /// sequence number.
    /// </summary>
    /// <returns>
    /// The <see cref="DuplicateCandidates"/> reported since <paramref name="duplicatesSince"/>, read in the same batch just
    /// before the insert; empty when it is null.
    /// </returns>
    public static async Task<IReadOnlyList<Case>> InsertInTransactionAsync(CommandCenterDb db, Case c, CaseEventRow first, DateOnly day, CancellationToken ct,
        DateTimeOffset? duplicatesSince = null)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("CaseInsert.InsertInTransactionAsync needs an open transaction; reports on their own go through CaseInsertQueue.");
        }
        var shape = ShapeOf(db.Model, withIntake: false);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var counter = new NpgsqlCommand(CounterByCountSql, connection))
            {
                counter.Parameters.AddWithValue("day", day);
                counter.Parameters.AddWithValue("count", 1);
                c.Number = NumberOf(day, Convert.ToInt64(await counter.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture));
            }
            await using var batch = new NpgsqlBatch(connection);
            if (duplicatesSince is { } since)
            {
                batch.BatchCommands.Add(DuplicateCandidates.Command(c.CategoryCode, c.Location, since));
            }
            var insert = new NpgsqlBatchCommand(shape.Sql);
            insert.Parameters.AddWithValue("number", c.Number);
            BindRows(insert.Parameters, shape, c, first, intake: null);
            batch.BatchCommands.Add(insert);
            await using var reader = await batch.ExecuteReaderAsync(ct);
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
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The day's counter (a row per day, locked until its transaction ends) moved on by @count: the last number it gave out.</summary>
    internal const string CounterByCountSql = "INSERT INTO case_number_counters (day, last) VALUES (@day, @count) "
        + "ON CONFLICT (day) DO UPDATE SET last = case_number_counters.last + EXCLUDED.last RETURNING last";

    /// <summary>案件编号: the day (yyyyMMdd) and its counter, four digits at least.</summary>
    internal static string NumberOf(DateOnly day, long n) =>
        day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + n.ToString(n < 10000 ? "D4" : "D", CultureInfo.InvariantCulture);

    /// <summary>Binds the case's, the event's (and the intake row's) columns as <paramref name="shape"/>'s statements name them.</summary>
    internal static void BindRows(NpgsqlParameterCollection parameters, Shape shape, Case c, CaseEventRow first, Enforcement.CaseIntakeRow? intake)
    {
        Bind(parameters, "c", shape.CaseColumns, c);
        Bind(parameters, "e", shape.EventColumns, first);
        if (intake is not null)
        {
            Bind(parameters, "i", shape.IntakeColumns, intake);
        }
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

    internal static Shape ShapeOf(IModel model, bool withIntake) => ShapeOf(() => model, withIntake);

    /// <summary>The shape, asking for the model only the first time (a context's model starts up its services).</summary>
    internal static Shape ShapeOf(Func<IModel> model, bool withIntake)
    {
        lock (BuildLock)
        {
            return withIntake ? _shapeWithIntake ??= Build(model(), true) : _shape ??= Build(model(), false);
        }
    }

    private static Shape Build(IModel model, bool withIntake)
    {
        var cases = model.FindEntityType(typeof(Case))!;
        var events = model.FindEntityType(typeof(CaseEventRow))!;
        var intakes = model.FindEntityType(typeof(Enforcement.CaseIntakeRow))!;
        // The number is given (@number); the event's sequence number comes from its column default.
        var caseColumns = cases.GetProperties().Where(p => p.Name != nameof(Case.Number)).ToList();
        var eventColumns = events.GetProperties().Where(p => p.Name is not nameof(CaseEventRow.Seq) and not nameof(CaseEventRow.CaseNumber)).ToList();
        var intakeColumns = withIntake ? intakes.GetProperties().ToList() : [];
        var numberType = cases.FindProperty(nameof(Case.Number))!.GetColumnType();
        // Cast to the column's type without its length: an explicit cast to varchar(n) cuts a longer value silently,
        // while the column's own assignment refuses it (22001), as SaveChanges' insert would.
        static string Values(string prefix, IReadOnlyList<IProperty> columns) =>
            string.Join(", ", columns.Select((p, i) => $"CAST(@{prefix}{i} AS {Unbounded(p.GetColumnType())})"));
        static string Names(IReadOnlyList<IProperty> columns) => string.Join(", ", columns.Select(p => $"\"{p.GetColumnName()}\""));
        var sql = new StringBuilder()
            .Append($"WITH c AS (INSERT INTO cases (number, {Names(caseColumns)}) SELECT CAST(@number AS {Unbounded(numberType)}), {Values("c", caseColumns)} RETURNING number), ")
            .Append($"e AS (INSERT INTO case_events (case_number, {Names(eventColumns)}) SELECT c.number, {Values("e", eventColumns)} FROM c RETURNING seq) ")
            .Append(withIntake ? $", i AS (INSERT INTO {intakes.GetTableName()} ({Names(intakeColumns)}) SELECT {Values("i", intakeColumns)} FROM c) " : "")
            .Append("SELECT c.number, e.seq FROM c, e")
            .ToString();
        return new Shape(sql, caseColumns, eventColumns, intakeColumns);
    }

    private static string Unbounded(string columnType) => LengthOfText().Replace(columnType, "$1");

    [GeneratedRegex(@"^(character varying|varchar)\(\d+\)$")]
    private static partial Regex LengthOfText();

    /// <param name="Sql">The case, its audit line (and intake row) in one statement, numbered <c>@number</c>; returns (number, seq).</param>
    internal sealed record Shape(string Sql, IReadOnlyList<IProperty> CaseColumns, IReadOnlyList<IProperty> EventColumns, IReadOnlyList<IProperty> IntakeColumns);
}
