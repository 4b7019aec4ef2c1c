using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CommandCenter.Web.Data.Bulk;

/// <summary>
/// Writes many rows of one mapped entity with PostgreSQL's binary COPY, column by column as EF maps them (names,
/// value converters, store types), so a bulk load can never disagree with what the app reads. For bulk loaders
/// only: COPY fires no row triggers of interest here and skips EF's change tracking.
/// </summary>
public sealed class BulkCopy<T> where T : class
{
    private readonly string _table;
    private readonly List<Column> _columns;

    public BulkCopy(CommandCenterDb db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        _table = entity.GetTableName()!;
        var table = StoreObjectIdentifier.Table(_table, entity.GetSchema());
        _columns = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null)
            .Select(p => new Column(p.GetColumnName(table)!, StoreType(p.GetColumnType()), p.PropertyInfo!, p.GetTypeMapping().Converter))
            .ToList();
    }

    /// <summary>Copies the rows on an open connection (inside its transaction, if any); returns how many were written.</summary>
    public async Task<ulong> WriteAsync(NpgsqlConnection connection, IEnumerable<T> rows, CancellationToken ct = default)
    {
        var names = string.Join(", ", _columns.Select(c => $"\"{c.Name}\""));
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{_table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in _columns)
            {
                var value = column.Property.GetValue(row);
                if (value is not null && column.Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                if (value is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(value, column.StoreType, ct);
                }
            }
        }
        return await writer.CompleteAsync(ct);
    }

    // "character varying(16)" → "character varying", "geometry(Point,4326)" → "geometry": Npgsql names types without facets.
    private static string StoreType(string columnType)
    {
        var open = columnType.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return columnType;
        }
        var close = columnType.IndexOf(')', open);
        return (columnType[..open] + columnType[(close + 1)..]).Trim();
    }

    private sealed record Column(string Name, string StoreType, System.Reflection.PropertyInfo Property, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter);
}
