using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Map;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Health;

/// <summary><c>GET /health</c>: 200 when the database answers and the city is loaded, 503 otherwise.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (CommandCenterDb db, CityGeography city, Live.HubLeadership hub, CancellationToken ct) =>
        {
            try
            {
                var postgis = await db.Database.SqlQueryRaw<string>("SELECT postgis_lib_version() AS \"Value\"").SingleAsync(ct);
                var grids = await db.UnitGrids.CountAsync(ct);
                var body = new { status = city.IsLoaded ? "healthy" : "starting", database = "ok", postgis, unitGrids = grids, hub = hub.Mode };
                return city.IsLoaded ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
            {
                return Results.Json(new { status = "unhealthy", database = "unreachable", error = ex.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).WithName("Health").WithTags("Ops");
        return app;
    }
}
