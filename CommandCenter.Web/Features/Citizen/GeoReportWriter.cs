using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// Writes a GeoReport v2 document as JSON or as XML (UTF-8, with the XML declaration the specification asks for).
/// Instants are written as given, so callers pass them in the city's offset (ISO 8601, e.g. 2026-12-01T09:00:00+08:00).
/// </summary>
public sealed class GeoReportWriter(object document, GeoReportFormat format, int status = StatusCodes.Status200OK) : IResult
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public object Document { get; } = document;

    public GeoReportFormat Format { get; } = format;

    public int Status { get; } = status;

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = Status;
        http.Response.ContentType = Format == GeoReportFormat.Json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";
        await http.Response.Body.WriteAsync(ToBytes());
    }

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        if (Format == GeoReportFormat.Json)
        {
            using var json = new Utf8JsonWriter(buffer, JsonOptions);
            WriteJson(json, Document);
        }
        else
        {
            using var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
            xml.WriteStartDocument();
            WriteXml(xml, Document, null);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    public static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case GeoReportObject o:
                json.WriteStartObject();
                foreach (var (name, field) in o.Fields)
                {
                    json.WritePropertyName(name);
                    WriteJson(json, field);
                }
                json.WriteEndObject();
                break;
            case GeoReportList list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(json, item);
                }
                json.WriteEndArray();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case DateTimeOffset t:
                json.WriteStringValue(Instant(t));
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>Writes <paramref name="value"/> as an element named <paramref name="name"/> (objects and lists bring their own name at the root).</summary>
    private static void WriteXml(XmlWriter xml, object? value, string? name)
    {
        switch (value)
        {
            case GeoReportObject o:
                xml.WriteStartElement(name ?? o.Element);
                foreach (var (field, v) in o.Fields)
                {
                    WriteXml(xml, v, field);
                }
                xml.WriteEndElement();
                break;
            case GeoReportList list:
                xml.WriteStartElement(name ?? list.Element);
                foreach (var item in list.Items)
                {
                    WriteXml(xml, item, item is GeoReportObject or GeoReportList ? null : list.ItemElement ?? "item");
                }
                xml.WriteEndElement();
                break;
            default:
                xml.WriteStartElement(name ?? "value");
                var text = value switch
                {
                    null => null,
                    bool b => b ? "true" : "false",
                    DateTimeOffset t => Instant(t),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                };
                if (text is not null)
                {
                    xml.WriteString(text);
                }
                xml.WriteEndElement();
                break;
        }
    }
}
