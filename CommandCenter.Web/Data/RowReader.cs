using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CommandCenter.Web.Data;

/// <summary>
/// Reads rows of an entity with plain Npgsql, for the hot paths where EF's query pipeline costs more than the query
/// (the change follower reads the logs after every write). Table, columns and types come from the EF model, so the
/// rows are what <c>ToListAsync</c> would give; entities with value conversions are refused rather than misread.
/// </summary>
public sealed class RowReader<TRow> where TRow : class
{
    private readonly Action<NpgsqlDataReader, int, TRow>[] _setters;
    private readonly Dictionary<string, string> _columns;

    public RowReader(IModel model)
    {
        var entity = model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        if (properties.FirstOrDefault(p => p.GetValueConverter() is not null || p.PropertyInfo is null) is { } odd)
        {
            throw new InvalidOperationException($"{typeof(TRow).Name}.{odd.Name} has a value conversion or no CLR property: read it with EF.");
        }
        Table = entity.GetTableName()!;
        _columns = properties.ToDictionary(p => p.Name, p => $"\"{p.GetColumnName(table)}\"");
        Columns = string.Join(", ", properties.Select(p => _columns[p.Name]));
        FieldCount = properties.Count;
        _setters = [.. properties.Select(p => Setter(p.PropertyInfo!))];
    }

    public string Table { get; }

    /// <summary>The entity's columns, quoted, in the order <see cref="Read"/> expects them.</summary>
    public string Columns { get; }

    public int FieldCount { get; }

    /// <summary>The quoted column of a property (for the WHERE and ORDER BY of the caller's SQL).</summary>
    public string Column(string property) => _columns[property];

    /// <summary>The row at the reader's current position.</summary>
    public TRow Read(NpgsqlDataReader reader)
    {
        // Required members are a compile-time promise; every column is set below.
        var row = Activator.CreateInstance<TRow>();
        for (var i = 0; i < _setters.Length; i++)
        {
            if (!reader.IsDBNull(i))
            {
                _setters[i](reader, i, row);
            }
        }
        return row;
    }

    /// <summary>Every row of the reader's current result.</summary>
    public async Task<List<TRow>> ReadAllAsync(NpgsqlDataReader reader, CancellationToken ct = default)
    {
        var rows = new List<TRow>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(Read(reader));
        }
        return rows;
    }

    private static Action<NpgsqlDataReader, int, TRow> Setter(PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var make = typeof(RowReader<TRow>).GetMethod(nameof(TypedSetter), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type, property.PropertyType);
        return (Action<NpgsqlDataReader, int, TRow>)make.Invoke(null, [property])!;
    }

    private static Action<NpgsqlDataReader, int, TRow> TypedSetter<TValue, TProperty>(PropertyInfo property)
    {
        var set = (Action<TRow, TProperty>)Delegate.CreateDelegate(typeof(Action<TRow, TProperty>), property.SetMethod!);
        // TValue is TProperty, or its underlying type when that is nullable (the JIT drops the box of the cast).
        return (reader, i, row) => set(row, (TProperty)(object)reader.GetFieldValue<TValue>(i)!);
    }
}
