using System.Security.Claims;
using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.Data;
using CommandCenter.Web.City;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;

namespace CommandCenter.Web.Features.Map;

/// <summary>Live data for the operator map and the wall: open cases as GeoJSON, zones with "open now", and search.</summary>
public static class MapApi
{
    private static readonly JsonSerializerOptions GeoJson = CityGeography.GeoJson;

    public static IEndpointRouteBuilder MapMapApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/map/cases", async ([AsParameters] CaseFilter filter, ClaimsPrincipal user, CaseMapQueries queries, CancellationToken ct) =>
            filter.Validate() is { Count: > 0 } bad
                ? Problem.BadRequest([.. bad])
                : Results.Text(JsonSerializer.Serialize(await queries.OpenCasesAsync(filter, ReadScope.For(user.ToActor()!), ct), GeoJson), "application/geo+json"))
            .RequireAuthorization().WithTags("Map");

        // One case for a filtered map that heard of it live: the feature when it passes the filter, else 204 (drop it).
        app.MapGet("/api/map/cases/{id:guid}", async (Guid id, [AsParameters] CaseFilter filter, ClaimsPrincipal user, CaseMapQueries queries, CancellationToken ct) =>
            filter.Validate() is { Count: > 0 } bad ? Problem.BadRequest([.. bad]) : await queries.OpenCaseAsync(id, filter, ReadScope.For(user.ToActor()!), ct) is { } feature
                ? Results.Text(JsonSerializer.Serialize(feature, GeoJson), "application/geo+json")
                : Results.NoContent())
            .RequireAuthorization().WithTags("Map");

        app.MapGet("/api/map/zones", (CityGeography city, CityClock clock) =>
        {
            var local = clock.LocalNow;
            var fc = new FeatureCollection();
            foreach (var z in city.Index.City.VendorZones.OrderBy(z => z.Id, StringComparer.Ordinal))
            {
                fc.Add(new Feature(z.Area, new AttributesTable
                {
                    { "id", z.Id }, { "name", z.Name }, { "type", VendorZoneTypes.Slug(z.Type) },
                    { "openNow", z.IsOpenAt(local) }, { "windows", z.Schedule.Hours.ToString() },
                    { "season", z.Schedule.Seasons.Count == 0 ? null : string.Join(", ", z.Schedule.Seasons) }, { "stallCount", z.StallCount }, { "schoolName", z.SchoolName },
                }));
            }
            return Results.Text(JsonSerializer.Serialize(fc, GeoJson), "application/geo+json");
        }).WithTags("Map");

        app.MapGet("/api/map/search", async (string? q, ClaimsPrincipal user, CaseMapQueries queries, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return Problem.BadRequest("q", "SearchEmpty");
            }
            if (TextInput.Check("q", q, 64) is { } bad)
            {
                return Problem.BadRequest(bad);
            }
            return await queries.SearchAsync(q.Trim(), ReadScope.For(user.ToActor()!), ct) is { } hit
                ? Results.Ok(hit)
                : Problem.NotFound("NothingFound", q);
        }).RequireAuthorization().WithTags("Map");
        return app;
    }
}

/// <summary>A search hit: what it is, a label, and the box to fly to.</summary>
public sealed record MapSearchHit(string Kind, string Id, string Label, double[] Bbox);
