using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Features.Problems;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;

namespace CommandCenter.Web.Features.Map;

/// <summary>Live data for the operator map and the wall: open cases as GeoJSON, zones with "open now", and search.</summary>
public static class MapApi
{
    private static readonly JsonSerializerOptions GeoJson = CityGeography.GeoJson;

    public static IEndpointRouteBuilder MapMapApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/map/cases", async ([AsParameters] MapCaseFilter filter, CaseMapQueries queries, CancellationToken ct) =>
            Results.Text(JsonSerializer.Serialize(await queries.OpenCasesAsync(filter, ct), GeoJson), "application/geo+json"))
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

        app.MapGet("/api/map/search", async (string? q, CaseMapQueries queries, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(q))
            {
                return Problem.BadRequest(("q", "请输入案件编号、街道名称或网格编码 / enter a case number, street name or grid code"));
            }
            return await queries.SearchAsync(q.Trim(), ct) is { } hit
                ? Results.Ok(hit)
                : Problem.NotFound($"没有找到 '{q}' / nothing matches '{q}'");
        }).RequireAuthorization().WithTags("Map");
        return app;
    }
}

/// <summary>Filters shared by the map and its counts: category (prefix), stage, source, department and a report-time range.</summary>
public sealed record MapCaseFilter(string? Category = null, string? Stage = null, string? Source = null, string? Department = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>A search hit: what it is, a label, and the box to fly to.</summary>
public sealed record MapSearchHit(string Kind, string Id, string Label, double[] Bbox);
