using System.Security.Claims;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Enforcement;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Enforcement;

/// <summary>
/// <c>GET /api/cases/{id}/intake</c> (zone check, leniency decision, bike fence and the party's offence history),
/// <c>GET /api/offences?party=vendor:V0001</c>, and the admin's 首违免罚 list at <c>/api/admin/leniency</c>.
/// </summary>
public static class EnforcementApi
{
    public static IEndpointRouteBuilder MapEnforcementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Enforcement");

        api.MapGet("/cases/{id:guid}/intake", async (Guid id, ClaimsPrincipal user, CommandCenterDb db, CaseIntakeChecks intake, CancellationToken ct) =>
        {
            var scope = ReadScope.For(user.ToActor()!);
            if (!await db.Cases.AsNoTracking().VisibleTo(scope).AnyAsync(c => c.Id == id, ct))
            {
                return Problem.NotFound("NoSuchCase", id);
            }
            return Results.Ok(await intake.DetailAsync(id, scope, ct) ?? new CaseIntakeDetail(id, null, new CaseIntake(null, null, null), []));
        });

        api.MapGet("/offences", async (string? party, ClaimsPrincipal user, CaseIntakeChecks intake, CancellationToken ct) =>
            PartyKey.TryParse(party, out var key)
                ? Results.Ok(new { party = key.ToString(), offences = await intake.HistoryAsync(key.ToString(), ReadScope.For(user.ToActor()!), ct) })
                : Problem.BadRequest("party", "PartyFormat", party));

        var admin = app.MapGroup("/api/admin/leniency").RequireAuthorization(p => p.RequireRole("admin")).WithTags("Admin");
        admin.MapGet("", async (LeniencySettings settings, CancellationToken ct) =>
            Results.Ok((await settings.CurrentAsync(ct)).Items.Select(LeniencyItemDto.From)));
        admin.MapPut("", async (LeniencyItemDto[] items, ClaimsPrincipal user, LeniencySettings settings, CancellationToken ct) =>
            await settings.SaveAsync(items, user.Identity!.Name!, ct) is { Count: > 0 } errors
                ? Problem.BadRequest([.. errors])
                : Results.Ok((await settings.CurrentAsync(ct)).Items.Select(LeniencyItemDto.From)));
        return app;
    }
}
