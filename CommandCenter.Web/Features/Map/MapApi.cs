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
    /// <summary>Cities with more unit grids than this are drawn from vector tiles (<c>Map:TileThreshold</c>).</summary>
    public const int DefaultTileThreshold = 5_000;

    private static readonly JsonSerializerOptions GeoJson = CityGeography.GeoJson;

    /// <summary>Whether the map draws this city from vector tiles rather than GeoJSON.</summary>
    public static bool DrawnFromTiles(GridIndex index, IConfiguration config) =>
        index.City.UnitGrids.Count > config.GetValue("Map:TileThreshold", DefaultTileThreshold);

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

        // What the map needs before drawing: how big the city is, where, and whether to draw it from vector tiles.
        app.MapGet("/api/map/city", (CityGeography city, IConfiguration config) =>
        {
            var index = city.Index;
            var b = index.Bounds;
            return Results.Ok(new MapCityInfo(index.City.UnitGrids.Count, [b.MinX, b.MinY, b.MaxX, b.MaxY], DrawnFromTiles(index, config)));
        }).WithTags("Map");

        // Open and overdue cases per grid for a map drawn from tiles (its choropleth and counts), in the reader's scope and filter.
        app.MapGet("/api/map/grid-counts", async ([AsParameters] CaseFilter filter, ClaimsPrincipal user, CaseMapQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.GridCountsAsync(filter, ReadScope.For(user.ToActor()!), ct)))
            .RequireAuthorization().WithTags("Map");

        app.MapGet("/api/map/zones", async (CityGeography city, CityClock clock, Rules.CaseRulesProvider rules, CancellationToken ct) =>
        {
            var local = clock.LocalNow;
            var holidays = await Zones.ZonesApi.HolidaysAsync(rules, ct);
            var fc = new FeatureCollection();
            foreach (var z in city.Index.City.VendorZones.OrderBy(z => z.Id, StringComparer.Ordinal))
            {
                fc.Add(new Feature(z.Area, new AttributesTable
                {
                    { "id", z.Id }, { "name", z.Name }, { "type", VendorZoneTypes.Slug(z.Type) },
                    { "openNow", z.IsOpenAt(local, holidays) }, { "windows", z.Schedule.Hours.ToString() },
                    { "season", z.Schedule.Seasons.Count == 0 ? null : string.Join(", ", z.Schedule.Seasons) }, { "stallCount", z.StallCount }, { "schoolName", z.SchoolName },
                    { "capacity", z.Capacity }, { "operator", z.Operator },
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

/// <summary>The city as the map first needs it: grid count, bounds (west, south, east, north) and whether tiles are used.</summary>
public sealed record MapCityInfo(int Grids, double[] Bbox, bool Tiles);

/// <summary>A search hit: what it is, a label, and the box to fly to.</summary>
public sealed record MapSearchHit(string Kind, string Id, string Label, double[] Bbox);
