namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// One element of a GeoReport v2 document: named fields in the specification's order. Values are strings, numbers,
/// booleans, instants, nested objects or lists, or null; <see cref="GeoReportWriter"/> writes the same tree as JSON or XML.
/// </summary>
public sealed record GeoReportObject(string Element, IReadOnlyList<KeyValuePair<string, object?>> Fields)
{
    public GeoReportObject(string element, params (string Name, object? Value)[] fields)
        : this(element, fields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Value)).ToList())
    {
    }
}
