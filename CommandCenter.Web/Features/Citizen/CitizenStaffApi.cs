using System.Security.Claims;
using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Intake;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// The staff side of citizen intake: Open311 keys (admin), the block list and hotline calls (operators), and the
/// reporter of a case (whoever may read the case; the full phone only for the desks).
/// </summary>
public static class CitizenStaffApi
{
    public sealed record KeyRequest(string? Name);
    public sealed record BlockRequest(string? Kind, string? Value, string? Reason);

    public static IEndpointRouteBuilder MapCitizenStaffApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/admin/open311-keys").RequireAuthorization(p => p.RequireRole("admin")).WithTags("Open311 keys");
        keys.MapGet("", async (Open311Keys store, CancellationToken ct) => Results.Ok((await store.ListAsync(ct)).Select(KeyView)));
        keys.MapPost("", async (KeyRequest body, ClaimsPrincipal user, Open311Keys store, CancellationToken ct) =>
        {
            var (row, key, errors) = await store.IssueAsync(body.Name, user.Identity!.Name!, ct);
            return errors.Count > 0
                ? Problem.BadRequest([.. errors])
                : Results.Created($"/api/admin/open311-keys/{row!.Id}", new { id = row.Id, name = row.Name, hint = row.Hint, key });
        });
        keys.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, Open311Keys store, CancellationToken ct) =>
            await store.RevokeAsync(id, user.Identity!.Name!, ct) switch
            {
                null => Problem.NotFound("NoSuchOpen311Key", id),
                false => Problem.Conflict("AlreadyRevoked"),
                true => Results.NoContent(),
            });

        var blocks = app.MapGroup("/api/intake-blocks").RequireAuthorization(p => p.RequireRole("intake", "shiftlead")).WithTags("Intake blocks");
        blocks.MapGet("", async (bool? all, IntakeBlocks list, CancellationToken ct) => Results.Ok(await list.ListAsync(all != true, ct)));
        blocks.MapPost("", async (BlockRequest body, ClaimsPrincipal user, IntakeBlocks list, CancellationToken ct) =>
        {
            var (row, errors) = await list.BlockAsync(body.Kind, body.Value, body.Reason, user.Identity!.Name!, ct);
            return errors.Count > 0 ? Problem.BadRequest([.. errors]) : Results.Created($"/api/intake-blocks/{row!.Id}", row);
        });
        blocks.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, IntakeBlocks list, CancellationToken ct) =>
            await list.LiftAsync(id, user.Identity!.Name!, ct) switch
            {
                null => Problem.NotFound("NoSuchBlock", id),
                false => Problem.Conflict("AlreadyLifted"),
                true => Results.NoContent(),
            });

        var hotline = app.MapGroup("/api/hotline").RequireAuthorization(p => p.RequireRole("intake")).WithTags("Hotline");
        hotline.MapPost("/calls", async (HotlineCall body, ClaimsPrincipal user, HotlineDesk desk, CancellationToken ct) =>
        {
            var outcome = await desk.RegisterAsync(body, user.ToActor()!, ct);
            if (!outcome.Registered.Succeeded)
            {
                return outcome.Registered.Refused!.ToResult();
            }
            var c = outcome.Registered.Case!;
            return Results.Created($"/api/cases/{c.Id}", new
            {
                id = c.Id, number = c.Number, status = c.State.Slug(), source = c.Source.Slug(), masterCaseId = c.MasterCaseId,
                merged = outcome.MergeRefused is null && c.State == CaseState.Merged, likelyDuplicates = outcome.Registered.Duplicates,
            });
        });
        hotline.MapGet("/calls", async (int? take, HotlineDesk desk, CancellationToken ct) => Results.Ok(await desk.RecentAsync(take ?? 30, ct)));
        hotline.MapGet("/duplicates", async (string? category, double? lon, double? lat, CaseService cases, CaseRulesProvider rules, CancellationToken ct) =>
        {
            var errors = new List<Domain.Validation.FieldError>();
            if (category is not { Length: > 0 } || !(await rules.CurrentAsync(ct)).Categories.ContainsKey(category))
            {
                errors.Add(category is { Length: > 0 } ? new("category", "CategoryUnknown", category) : new("category", "Required"));
            }
            if (lon is not { } x || !double.IsFinite(x))
            {
                errors.Add(new("lon", "LonInvalid"));
            }
            if (lat is not { } y || !double.IsFinite(y))
            {
                errors.Add(new("lat", "LatInvalid"));
            }
            return errors.Count > 0 ? Problem.BadRequest([.. errors]) : Results.Ok(await cases.LikelyDuplicatesAsync(category!, lon!.Value, lat!.Value, ct));
        });

        app.MapGet("/api/cases/{id:guid}/reporter", async (Guid id, ClaimsPrincipal user, CommandCenterDb db, CancellationToken ct) =>
        {
            var actor = user.ToActor()!;
            var c = await db.Cases.AsNoTracking().VisibleTo(ReadScope.For(actor)).Where(x => x.Id == id)
                .Select(x => new { x.Satisfaction, x.SatisfactionAt }).SingleOrDefaultAsync(ct);
            if (c is null)
            {
                return Problem.NotFound("NoSuchCase", id);
            }
            var r = await db.CitizenReports.AsNoTracking().SingleOrDefaultAsync(x => x.CaseId == id, ct);
            if (r is null)
            {
                return Problem.NotFound("NoCitizenReport", id);
            }
            var full = Components.Citizen.ReporterVisibility.SeesFullContact(actor);
            return Results.Ok(new
            {
                name = r.Name, phone = full ? r.Phone : PhoneMask.Mask(r.Phone), maskedPhone = PhoneMask.Mask(r.Phone), email = r.Email,
                deviceId = r.DeviceId, accountId = r.AccountId, clientAddress = r.ClientAddress, nature = r.Nature, mediaUrl = r.MediaUrl,
                attributes = r.Attributes is null ? null : JsonSerializer.Deserialize<Dictionary<string, string[]>>(r.Attributes),
                satisfaction = c.Satisfaction, satisfactionAt = c.SatisfactionAt,
            });
        }).RequireAuthorization().WithTags("Cases");
        return app;
    }

    private static object KeyView(Data.Citizen.Open311KeyRow k) => new
    {
        id = k.Id, name = k.Name, hint = k.Hint, createdAt = k.CreatedAt, createdBy = k.CreatedBy, revokedAt = k.RevokedAt,
        revokedBy = k.RevokedBy, lastUsedAt = k.LastUsedAt,
    };
}
