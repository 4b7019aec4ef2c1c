using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// An Open311 response read the same way whichever format it came in: a list of elements (field → text), or the
/// error list, so the conformance tests assert once for .json and .xml.
/// </summary>
public sealed record GeoReportDocument(HttpStatusCode Status, string ContentType, string Raw, IReadOnlyList<IReadOnlyDictionary<string, string?>> Items)
{
    public static async Task<GeoReportDocument> ReadAsync(HttpResponseMessage response, string format)
    {
        var raw = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var items = format == "xml" ? FromXml(raw) : FromJson(raw);
        return new GeoReportDocument(response.StatusCode, type, raw, items);
    }

    public IReadOnlyDictionary<string, string?> Single => Assert.Single(Items);

    /// <summary>The errors' codes and descriptions.</summary>
    public IReadOnlyList<(int Code, string Description)> Errors => Items.Select(i => (int.Parse(i["code"]!), i["description"] ?? "")).ToList();

    private static List<IReadOnlyDictionary<string, string?>> FromJson(string raw)
    {
        var root = JsonDocument.Parse(raw).RootElement;
        var elements = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        return elements.Select(e => (IReadOnlyDictionary<string, string?>)e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => p.Value.GetRawText(),
        })).ToList();
    }

    private static List<IReadOnlyDictionary<string, string?>> FromXml(string raw)
    {
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", raw, StringComparison.OrdinalIgnoreCase);
        var root = XDocument.Parse(raw).Root!;
        // A list document (services, service_requests, errors) holds elements; discovery and service_definition are one element.
        var elements = root.Name.LocalName is "discovery" or "service_definition" ? [root] : root.Elements().ToList();
        return elements.Select(e => (IReadOnlyDictionary<string, string?>)e.Elements().ToDictionary(c => c.Name.LocalName,
            c => c.HasElements ? c.ToString(SaveOptions.DisableFormatting) : c.Value.Length == 0 ? null : c.Value)).ToList();
    }
}
