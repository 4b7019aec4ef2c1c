using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Data.Import;

/// <summary>
/// One feature (or JSON record) read from a city data file, with typed field accessors that
/// record a clear error instead of throwing, so one pass reports every problem.
/// </summary>
public sealed class SourceFeature(string file, string label, JsonElement properties, Geometry? geometry, List<ImportError> errors)
{
    public string File { get; } = file;

    /// <summary>How the feature is named in messages: its id or code, else its position.</summary>
    public string Label { get; private set; } = label;

    public Geometry? Geometry { get; } = geometry;

    public void NameBy(string field)
    {
        if (properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
        {
            Label = $"{Label} ({field}={v.GetString()})";
        }
    }

    public void Error(string? field, string message) => errors.Add(new ImportError(File, Label, field, message));

    public string Text(string field)
    {
        var value = OptionalText(field);
        if (value is null)
        {
            Error(field, "缺少必填属性 / required property is missing or empty");
            return "";
        }
        return value;
    }

    public string? OptionalText(string field)
    {
        if (!TryGet(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            Error(field, $"应为字符串 / expected a string, found {v.ValueKind}");
            return null;
        }
        var s = v.GetString();
        return string.IsNullOrWhiteSpace(s) ? null : s;
    }

    public double Number(string field)
    {
        if (!TryGet(field, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            Error(field, "缺少必填属性 / required property is missing");
            return 0;
        }
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d))
        {
            Error(field, $"应为数字 / expected a number, found {v.ValueKind}");
            return 0;
        }
        return d;
    }

    public int Integer(string field)
    {
        var d = Number(field);
        if (d != Math.Floor(d))
        {
            Error(field, $"应为整数 / expected a whole number, found {d.ToString(CultureInfo.InvariantCulture)}");
        }
        return (int)d;
    }

    public bool Flag(string field)
    {
        if (TryGet(field, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }
        Error(field, "应为 true/false / expected true or false");
        return false;
    }

    public string[] TextList(string field)
    {
        if (!TryGet(field, out var v) || v.ValueKind != JsonValueKind.Array)
        {
            Error(field, "应为字符串数组 / expected an array of strings");
            return [];
        }
        var items = new List<string>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                Error(field, "数组元素应为非空字符串 / every item must be a non-empty string");
                return [];
            }
            items.Add(item.GetString()!);
        }
        return [.. items];
    }

    public IEnumerable<JsonElement> Objects(string field)
    {
        if (!TryGet(field, out var v) || v.ValueKind != JsonValueKind.Array)
        {
            Error(field, "应为对象数组 / expected an array of objects");
            return [];
        }
        return v.EnumerateArray().ToList();
    }

    public T? Geom<T>() where T : Geometry
    {
        switch (Geometry)
        {
            case null:
                Error("geometry", "缺少几何图形 / geometry is missing");
                return null;
            case T typed:
                if (!typed.IsValid)
                {
                    var reason = new NetTopologySuite.Operation.Valid.IsValidOp(typed).ValidationError;
                    Error("geometry", $"几何图形无效 / invalid geometry: {reason?.Message} at {reason?.Coordinate}");
                    return null;
                }
                return typed;
            default:
                Error("geometry", $"几何类型应为 {typeof(T).Name} / expected a {typeof(T).Name}, found {Geometry.GeometryType}");
                return null;
        }
    }

    private bool TryGet(string field, out JsonElement value)
    {
        value = default;
        return properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(field, out value);
    }
}
