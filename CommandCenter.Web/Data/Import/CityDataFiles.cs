using System.Text.Json;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CommandCenter.Web.Data.Import;

/// <summary>Reads the generated demo-city files of <c>gis-data/</c> into <see cref="SourceFeature"/>s.</summary>
public sealed class CityDataFiles(string root, List<ImportError> errors)
{
    public static readonly string[] BasemapLayers = ["roads", "water", "waterways", "green", "buildings", "railways"];

    private static readonly JsonSerializerOptions GeometryJson = CreateGeometryJson();

    public string Root { get; } = root;

    /// <summary>Reads a GeoJSON FeatureCollection; each feature is labelled by <paramref name="idField"/>.</summary>
    public List<SourceFeature> Features(string relativePath, string idField)
    {
        var result = new List<SourceFeature>();
        using var doc = Open(relativePath);
        if (doc is null)
        {
            return result;
        }
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection"
            || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ImportError(relativePath, "(file)", "type", "应为 GeoJSON FeatureCollection / expected a GeoJSON FeatureCollection"));
            return result;
        }
        var index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            index++;
            var props = feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p) ? p.Clone() : default;
            Geometry? geometry = null;
            if (feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object)
            {
                try
                {
                    geometry = g.Deserialize<Geometry>(GeometryJson);
                }
                catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
                {
                    errors.Add(new ImportError(relativePath, $"feature #{index}", "geometry", $"无法解析几何 / unreadable geometry: {ex.Message}"));
                }
            }
            var source = new SourceFeature(relativePath, $"feature #{index}", props, geometry, errors);
            source.NameBy(idField);
            result.Add(source);
        }
        return result;
    }

    /// <summary>Reads a JSON array of records (departments, people, categories).</summary>
    public List<SourceFeature> Records(string relativePath, string idField)
    {
        var result = new List<SourceFeature>();
        using var doc = Open(relativePath);
        if (doc is null)
        {
            return result;
        }
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ImportError(relativePath, "(file)", null, "应为 JSON 数组 / expected a JSON array"));
            return result;
        }
        var index = 0;
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            index++;
            var source = new SourceFeature(relativePath, $"record #{index}", item.Clone(), null, errors);
            source.NameBy(idField);
            result.Add(source);
        }
        return result;
    }

    private JsonDocument? Open(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        if (!File.Exists(path))
        {
            errors.Add(new ImportError(relativePath, "(file)", null, $"文件不存在 / file not found under {Root}"));
            return null;
        }
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            errors.Add(new ImportError(relativePath, "(file)", null, $"JSON 格式错误 / malformed JSON: {ex.Message}"));
            return null;
        }
    }

    private static JsonSerializerOptions CreateGeometryJson()
    {
        var options = new JsonSerializerOptions();
        var factory = new GeometryFactory(new PrecisionModel(), CommandCenterDb.Srid);
        options.Converters.Add(new GeoJsonConverterFactory(factory));
        return options;
    }
}
