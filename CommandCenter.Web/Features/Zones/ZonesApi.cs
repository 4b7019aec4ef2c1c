using System.Security.Claims;
using System.Text.Json;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Problems;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Zones;

/// <summary>
/// Vendor zones: <c>GET /api/zones</c> (GeoJSON with <c>openNow</c>), <c>GET /api/zones/open?at=ISO</c> (ids open then),
/// <c>GET /api/zones/{id}</c>, its <c>/history</c> (the change log: who, when, before/after), and for admins
/// <c>POST /api/zones</c> (a GeoJSON Feature), <c>PUT /api/zones/{id}</c>, <c>DELETE /api/zones/{id}</c> (retire).
/// </summary>
public static class ZonesApi
{
    public static IEndpointRouteBuilder MapZonesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/zones").RequireAuthorization().WithTags("Zones");

        api.MapGet("", async (bool? retired, CommandCenterDb db, CityClock clock, CaseRulesProvider rules, CancellationToken ct) =>
        {
            var holidays = await HolidaysAsync(rules, ct);
            var local = clock.LocalNow;
            var rows = await db.VendorZones.AsNoTracking().Where(z => retired == true || z.RetiredAt == null).OrderBy(z => z.Id).ToListAsync(ct);
            return ZoneGeoJson.Result(ZoneGeoJson.Collection(rows.Select(z =>
                ZoneGeoJson.Feature(z, z.RetiredAt is null && CityGeography.ToDomain(z).IsOpenAt(local, holidays)))));
        });

        api.MapGet("/open", async (string? at, CityGeography city, CityClock clock, CaseRulesProvider rules, CancellationToken ct) =>
        {
            var instant = clock.UtcNow;
            if (!string.IsNullOrWhiteSpace(at) && !clock.TryParseInstant(at, out instant))
            {
                return Problem.BadRequest("at", "TimeFormat", at);
            }
            var holidays = await HolidaysAsync(rules, ct);
            var local = clock.ToLocal(instant);
            var ids = city.Index.City.VendorZones.Where(z => z.IsOpenAt(local, holidays)).Select(z => z.Id).Order(StringComparer.Ordinal).ToList();
            return Results.Ok(new { at = instant, local = local.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), ids });
        });

        api.MapGet("/{id}", async (string id, CommandCenterDb db, CityClock clock, CaseRulesProvider rules, CancellationToken ct) =>
        {
            var row = await db.VendorZones.AsNoTracking().SingleOrDefaultAsync(z => z.Id == id, ct);
            if (row is null)
            {
                return Problem.NotFound("NoSuchZone", id);
            }
            var holidays = await HolidaysAsync(rules, ct);
            return ZoneGeoJson.Result(ZoneGeoJson.Feature(row, row.RetiredAt is null && CityGeography.ToDomain(row).IsOpenAt(clock.LocalNow, holidays)));
        });

        api.MapGet("/{id}/history", async (string id, CommandCenterDb db, CancellationToken ct) =>
            Results.Ok((await db.Changes.AsNoTracking().Where(c => c.Topic == ChangeTopics.Zone && c.EntityId == id).OrderBy(c => c.Seq).ToListAsync(ct))
                .Select(c => new
                {
                    seq = c.Seq, action = c.Action, actor = c.Actor, at = c.At,
                    before = c.Before is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(c.Before),
                    after = c.After is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(c.After),
                })));

        var admin = api.MapGroup("").RequireAuthorization(p => p.RequireRole("admin"));

        admin.MapPost("", async (JsonElement body, ClaimsPrincipal user, ZoneService zones, CancellationToken ct) =>
        {
            var (input, errors) = ZoneFeatureReader.Read(body);
            if (input is null)
            {
                return Problem.BadRequest([.. errors]);
            }
            var result = await zones.CreateAsync(input, user.Identity!.Name!, ct);
            return result.Succeeded
                ? Results.Text(JsonSerializer.Serialize(ZoneGeoJson.Feature(result.Zone!), CityGeography.GeoJson), "application/geo+json", statusCode: StatusCodes.Status201Created)
                : result.Refused!.ToResult();
        });

        admin.MapPut("/{id}", async (string id, JsonElement body, ClaimsPrincipal user, ZoneService zones, CancellationToken ct) =>
        {
            var (input, errors) = ZoneFeatureReader.Read(body);
            if (input is null)
            {
                return Problem.BadRequest([.. errors]);
            }
            var result = await zones.UpdateAsync(id, input, user.Identity!.Name!, ct);
            return result.Succeeded ? ZoneGeoJson.Result(ZoneGeoJson.Feature(result.Zone!)) : result.Refused!.ToResult();
        });

        admin.MapDelete("/{id}", async (string id, ClaimsPrincipal user, ZoneService zones, CancellationToken ct) =>
        {
            var result = await zones.RetireAsync(id, user.Identity!.Name!, ct);
            return result.Succeeded ? ZoneGeoJson.Result(ZoneGeoJson.Feature(result.Zone!)) : result.Refused!.ToResult();
        });
        return app;
    }

    /// <summary>The city's public holidays, for zones closed on them.</summary>
    public static async Task<IReadOnlySet<DateOnly>> HolidaysAsync(CaseRulesProvider rules, CancellationToken ct = default) =>
        (await rules.CurrentAsync(ct)).Clock.Calendar.Holidays;
}
