using CommandCenter.Domain.Validation;
using CommandCenter.Web.City;
using System.Globalization;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.Features.Map;
using CommandCenter.Web.Problems;
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
        var errors = new List<FieldError>();
        var x = Coordinate(lon, "lon", -180, 180, errors);
        var y = Coordinate(lat, "lat", -90, 90, errors);
        var instant = clock.UtcNow;
        if (!string.IsNullOrWhiteSpace(at) && !clock.TryParseInstant(at, out instant))
        {
            errors.Add(new FieldError("at", "TimeFormat", at));
        }
        if (errors.Count > 0)
        {
            return Problem.BadRequest([.. errors]);
        }
        var local = clock.ToLocal(instant);
        var result = city.Index.Lookup(Factory.CreatePoint(new Coordinate(x, y)), local);
        if (result is null)
        {
            return Problem.NotFound("PointOutsideCity", x.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture));
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

    private static double Coordinate(string? text, string field, double min, double max, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new FieldError(field, "Required"));
            return double.NaN;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add(new FieldError(field, "NotANumber", text.Length > 40 ? text[..40] : text));
            return double.NaN;
        }
        if (value < min || value > max)
        {
            errors.Add(new FieldError(field, "OutOfRange", min, max));
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
