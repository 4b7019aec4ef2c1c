using System.Text.Json;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.City;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Features.Zones;

/// <summary>Reads the GeoJSON Feature of <c>POST /api/zones</c> and <c>PUT /api/zones/{id}</c>: its geometry and its properties as a <see cref="ZoneInput"/>.</summary>
public static class ZoneFeatureReader
{
    private static readonly JsonSerializerOptions Properties = new(JsonSerializerOptions.Web);

    /// <summary>The input, or the fields that could not be read (geometry, or the property named in the JSON path).</summary>
    public static (ZoneInput? Input, IReadOnlyList<FieldError> Errors) Read(JsonElement feature)
    {
        if (feature.ValueKind != JsonValueKind.Object)
        {
            return (null, [new FieldError("geometry", "ZoneGeometryMissing")]);
        }
        ZoneInput? input;
        try
        {
            input = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object
                ? p.Deserialize<ZoneInput>(Properties) ?? new ZoneInput()
                : new ZoneInput();
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "properties";
            return (null, [new FieldError(field, "ValueInvalid")]);
        }
        if (!feature.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object)
        {
            return (input, []);
        }
        try
        {
            var geometry = g.Deserialize<Geometry>(CityGeography.GeoJson);
            if (geometry is not null)
            {
                geometry.SRID = Data.CommandCenterDb.Srid;
            }
            return (input with { Geometry = geometry }, []);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return (null, [new FieldError("geometry", "GeoJsonInvalid")]);
        }
    }
}
