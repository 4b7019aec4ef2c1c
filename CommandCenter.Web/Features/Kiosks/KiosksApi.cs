using System.Security.Claims;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;

namespace CommandCenter.Web.Features.Kiosks;

/// <summary>
/// Kiosks: <c>GET /api/kiosks</c>, <c>GET /api/kiosks/{id}</c> (with its service log), <c>GET /api/kiosks/coverage?at=ISO</c>,
/// <c>PUT /api/kiosks/{id}</c> (admins), <c>PUT /api/kiosks/{id}/supplies/{item}</c> <c>{stock}</c>, <c>POST /api/kiosks/{id}/log</c>
/// <c>{kind, note, createCase?}</c>, and check-in / check-out of the staff on duty.
/// </summary>
public static class KiosksApi
{
    public static IEndpointRouteBuilder MapKiosksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/kiosks").RequireAuthorization().WithTags("Kiosks");

        api.MapGet("", async (KioskService kiosks, CancellationToken ct) => Results.Ok(await kiosks.ListAsync(ct)));

        api.MapGet("/coverage", (string? at, KioskService kiosks, CityClock clock) =>
        {
            var instant = clock.UtcNow;
            return !string.IsNullOrWhiteSpace(at) && !clock.TryParseInstant(at, out instant)
                ? Problem.BadRequest("at", "TimeFormat", at)
                : Results.Ok(kiosks.Coverage(instant));
        });

        api.MapGet("/{id}", async (string id, KioskService kiosks, CancellationToken ct) =>
            await kiosks.GetAsync(id, ct) is { } kiosk
                ? Results.Ok(new { kiosk, log = await kiosks.LogOfAsync(id, ct: ct) })
                : Problem.NotFound("NoSuchKiosk", id));

        api.MapPut("/{id}", async (string id, KioskInput body, ClaimsPrincipal user, KioskService kiosks, CancellationToken ct) =>
        {
            var (kiosk, refused) = await kiosks.UpdateAsync(id, body, user.ToActor()!, ct);
            return refused is null ? Results.Ok(kiosk) : refused.ToResult();
        });

        api.MapPut("/{id}/supplies/{item}", async (string id, string item, SupplyInput body, ClaimsPrincipal user, KioskService kiosks, CancellationToken ct) =>
        {
            var (supply, refused) = await kiosks.SetStockAsync(id, item, body, user.ToActor()!, ct);
            return refused is null ? Results.Ok(supply) : refused.ToResult();
        });

        api.MapPost("/{id}/log", async (string id, KioskLogInput body, ClaimsPrincipal user, KioskService kiosks, CancellationToken ct) =>
        {
            var (result, refused) = await kiosks.LogAsync(id, body, user.ToActor()!, ct);
            return refused is null ? Results.Created($"/api/kiosks/{id}", result) : refused.ToResult();
        });

        api.MapPost("/{id}/check-in", async (string id, ClaimsPrincipal user, KioskService kiosks, CancellationToken ct) =>
            await kiosks.CheckInAsync(id, user.ToActor()!, ct) is { } refused ? refused.ToResult() : Results.NoContent());

        api.MapPost("/check-out", async (ClaimsPrincipal user, KioskService kiosks, CancellationToken ct) =>
            await kiosks.CheckOutAsync(user.ToActor()!, ct) ? Results.NoContent() : Problem.NotFound("NotOnDuty"));
        return app;
    }
}
