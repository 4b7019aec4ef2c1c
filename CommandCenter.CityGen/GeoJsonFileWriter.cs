using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>A feature to write: lon/lat geometry plus a callback writing the properties in a fixed order.</summary>
internal sealed record GeoJsonFeature(Geometry Geometry, Action<Utf8JsonWriter> WriteProperties);

/// <summary>
/// Hand-rolled RFC 7946 writer: one feature per line (small git diffs), invariant number formatting,
/// at most 7 decimals, CCW exterior rings, canonical ring start points, "\n" newlines.
/// </summary>
internal static class GeoJsonFileWriter
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keep Chinese names readable in the files; output is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes a FeatureCollection; <paramref name="attribution"/> defaults to OpenStreetMap (the demo city).</summary>
    public static void Write(string path, string name, IEnumerable<GeoJsonFeature> features, DataAttribution? attribution = null)
    {
        attribution ??= DataAttribution.OpenStreetMap;
        using var ms = new MemoryStream();
        using (var head = new Utf8JsonWriter(ms, WriterOptions))
        {
            head.WriteStartObject();
            head.WriteString("type", "FeatureCollection");
            head.WriteString("name", name);
            head.WriteString("attribution", attribution.Attribution);
            if (attribution.License is not null)
            {
                head.WriteString("license", attribution.License);
            }
            head.WritePropertyName("features");
            head.WriteStartArray();
            head.Flush();
        }

        // Each feature goes through its own writer so we can put the separators (",\n") ourselves.
        var first = true;
        foreach (var f in features)
        {
            Raw(ms, first ? "\n" : ",\n");
            first = false;
            using var w = new Utf8JsonWriter(ms, WriterOptions);
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WritePropertyName("geometry");
            WriteGeometry(w, f.Geometry);
            w.WritePropertyName("properties");
            w.WriteStartObject();
            f.WriteProperties(w);
            w.WriteEndObject();
            w.WriteEndObject();
            w.Flush();
        }

        Raw(ms, "\n]}\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path, ms.ToArray());
    }

    /// <summary>Writes a JSON array file with one object per line.</summary>
    public static void WriteArray<T>(string path, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeObject)
    {
        using var ms = new MemoryStream();
        Raw(ms, "[");
        var first = true;
        foreach (var item in items)
        {
            Raw(ms, first ? "\n" : ",\n");
            first = false;
            using var w = new Utf8JsonWriter(ms, WriterOptions);
            w.WriteStartObject();
            writeObject(w, item);
            w.WriteEndObject();
            w.Flush();
        }

        Raw(ms, "\n]\n");
        File.WriteAllBytes(path, ms.ToArray());
    }

    public static void Number(Utf8JsonWriter w, string name, double value, int decimals)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(Math.Round(value, decimals, MidpointRounding.AwayFromZero)
            .ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture));
    }

    public static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    public static void StringArray(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Raw(Stream s, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        s.Write(bytes, 0, bytes.Length);
    }

    private static void WriteGeometry(Utf8JsonWriter w, Geometry g)
    {
        w.WriteStartObject();
        w.WriteString("type", g.GeometryType);
        w.WritePropertyName("coordinates");
        switch (g)
        {
            case Point p:
                Position(w, p.Coordinate);
                break;
            case LineString l:
                Positions(w, l.Coordinates);
                break;
            case Polygon poly:
                PolygonCoords(w, Canonical(poly));
                break;
            case MultiLineString ml:
                w.WriteStartArray();
                foreach (var l in Geo.Lines(ml))
                {
                    Positions(w, l.Coordinates);
                }

                w.WriteEndArray();
                break;
            case MultiPolygon mp:
                var normal = (MultiPolygon)mp.Copy();
                normal.Normalize();
                w.WriteStartArray();
                foreach (var p in Geo.Polygons(normal))
                {
                    PolygonCoords(w, Canonical(p));
                }

                w.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Cannot write {g.GeometryType}");
        }

        w.WriteEndObject();
    }

    /// <summary>Normalized start points, then RFC 7946 winding: exterior counter-clockwise, holes clockwise.</summary>
    private static Polygon Canonical(Polygon p)
    {
        var n = (Polygon)p.Copy();
        n.Normalize();
        var shell = Orient(n.Shell, ccw: true);
        var holes = n.Holes.Select(h => Orient(h, ccw: false)).ToArray();
        return n.Factory.CreatePolygon(shell, holes);
    }

    private static LinearRing Orient(LinearRing r, bool ccw) =>
        Orientation.IsCCW(r.CoordinateSequence) == ccw ? r : (LinearRing)r.Reverse();

    private static void PolygonCoords(Utf8JsonWriter w, Polygon p)
    {
        w.WriteStartArray();
        foreach (var r in Geo.Rings(p))
        {
            Positions(w, r.Coordinates);
        }

        w.WriteEndArray();
    }

    private static void Positions(Utf8JsonWriter w, Coordinate[] cs)
    {
        w.WriteStartArray();
        foreach (var c in cs)
        {
            Position(w, c);
        }

        w.WriteEndArray();
    }

    private static void Position(Utf8JsonWriter w, Coordinate c)
    {
        w.WriteStartArray();
        w.WriteRawValue(Coord(c.X), skipInputValidation: true);
        w.WriteRawValue(Coord(c.Y), skipInputValidation: true);
        w.WriteEndArray();
    }

    /// <summary>7 decimals, shortest round-trip form of the rounded value ("118.764", not "118.7640000").</summary>
    public static string Coord(double v) => Math.Round(v, 7).ToString("R", CultureInfo.InvariantCulture);
}
