using System.Globalization;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.Features.Map;
using CommandCenter.Web.Features.Problems;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Features.Lookup;

/// <summary><c>GET /api/lookup</c>: what the city knows about a point (grid, 社区, 街道, street chief, vending zone, kiosk).</summary>
public static class LookupApi
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static IEndpointRouteBuilder MapLookupApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/lookup", Lookup).WithName("Lookup").WithTags("Map");
        return app;
    }

    private static IResult Lookup(string? lon, string? lat, string? at, CityGeography city, CityClock clock)
    {
        var errors = new List<(string, string)>();
        var x = Coordinate(lon, "lon", "经度", -180, 180, errors);
        var y = Coordinate(lat, "lat", "纬度", -90, 90, errors);
        var instant = clock.UtcNow;
        if (!string.IsNullOrWhiteSpace(at)
            && !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
        {
            errors.Add(("at", $"时间 '{at}' 不是 ISO 8601 格式 / at must be an ISO 8601 time such as 2026-07-01T20:30:00+08:00"));
        }
        if (errors.Count > 0)
        {
            return Problem.BadRequest([.. errors]);
        }
        var local = clock.ToLocal(instant);
        var result = city.Index.Lookup(Factory.CreatePoint(new Coordinate(x, y)), local);
        if (result is null)
        {
            return Problem.NotFound(
                $"坐标 ({x.ToString(CultureInfo.InvariantCulture)}, {y.ToString(CultureInfo.InvariantCulture)}) 不在任何单元网格内 / the point lies outside the city's unit grids");
        }
        return Results.Ok(new LookupResponse(
            result.Grid.Code,
            result.Grid.DutyGridCode,
            result.DutyGrid?.MemberName,
            result.Community?.Name,
            result.Grid.CommunityCode,
            result.Subdistrict?.Name,
            result.Grid.SubdistrictCode,
            result.Street is { } s ? new StreetAnswer(s.Street.Id, s.Street.Name, s.Street.ChiefName, s.Street.Level, Math.Round(s.DistanceM, 1)) : null,
            result.VendorZone is { } z ? new ZoneAnswer(z.Zone.Id, z.Zone.Name, VendorZoneTypes.Slug(z.Zone.Type), z.OpenNow) : null,
            result.Kiosk is { } k ? new KioskAnswer(k.Kiosk.Id, k.Kiosk.Name, Math.Round(k.DistanceM, 1), k.WithinRadius) : null,
            new DateTimeOffset(local, clock.Zone.GetUtcOffset(instant))));
    }

    private static double Coordinate(string? text, string field, string zh, double min, double max, List<(string, string)> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add((field, $"缺少{zh} / {field} is required"));
            return double.NaN;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add((field, $"{zh} '{text}' 不是数字 / {field} must be a decimal number"));
            return double.NaN;
        }
        if (value < min || value > max)
        {
            errors.Add((field, $"{zh}必须在 {min} 到 {max} 之间 / {field} must be between {min} and {max}"));
        }
        return value;
    }

    /// <summary>The answer of <c>/api/lookup</c>.</summary>
    public sealed record LookupResponse(
        string GridCode, string DutyGrid, string? GridMember, string? Community, string CommunityCode, string? Subdistrict, string SubdistrictCode,
        StreetAnswer? Street, ZoneAnswer? VendorZone, KioskAnswer? Kiosk, DateTimeOffset LocalTime);

    public sealed record StreetAnswer(string Id, string Name, string Chief, string Level, double DistanceM);

    public sealed record ZoneAnswer(string Id, string Name, string Type, bool OpenNow);

    public sealed record KioskAnswer(string Id, string Name, double DistanceM, bool WithinRadius);
}
