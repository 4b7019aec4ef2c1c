using System.Globalization;
using System.Security.Claims;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Streets;

/// <summary>
/// Streets and their chiefs: the list and one street (chief now, open cases), the history of chiefs, the leader's
/// reassignment, a chief's scorecard, the 公示牌 QR code, the 十无 checklist and the escalation spans (admin).
/// </summary>
public static class StreetsApi
{
    public static IEndpointRouteBuilder MapStreetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Streets");

        api.MapGet("/streets", async (string? q, ClaimsPrincipal user, StreetDirectory streets, CancellationToken ct) =>
            TextInput.Check("q", q, 64) is { } bad ? Problem.BadRequest(bad) : Results.Ok(await streets.ListAsync(q, ReadScope.For(user.ToActor()!), ct)));

        api.MapGet("/streets/{id}", async (string id, ClaimsPrincipal user, StreetDirectory streets, CaseQueries cases, CancellationToken ct) =>
        {
            var scope = ReadScope.For(user.ToActor()!);
            if (await streets.FindAsync(id, scope, ct) is not { } street)
            {
                return Problem.NotFound("NoSuchStreet", id);
            }
            var open = await cases.ListAsync(new CaseFilter(Street: id, OpenOnly: true, PageSize: 100), scope, ct);
            return Results.Ok(new
            {
                street.Id, street.Name, street.Level, street.RoadClass, street.LengthM, street.SubdistrictCode, street.Chief,
                street.OpenCases, street.OverdueCases, Cases = open.Items,
            });
        });

        api.MapGet("/streets/{id}/chiefs", async (string id, StreetDirectory streets, CancellationToken ct) =>
            await streets.HistoryAsync(id, ct) is { } history ? Results.Ok(history) : Problem.NotFound("NoSuchStreet", id));

        api.MapPut("/streets/{id}/chief", async (string id, AssignChiefRequest body, ClaimsPrincipal user, StreetDirectory streets, CancellationToken ct) =>
        {
            var (refused, assigned) = await streets.AssignAsync(id, body, user.ToActor()!, ct);
            return refused is not null ? refused.ToResult() : Results.Ok(assigned);
        });

        api.MapGet("/chiefs/{personId}/scorecard", async (string personId, string? from, string? to, ClaimsPrincipal user, CommandCenterDb db,
            ChiefScorecards scorecards, StreetDirectory streets, CityClock clock, CancellationToken ct) =>
        {
            var actor = user.ToActor()!;
            var scope = ReadScope.For(actor);
            if (!scope.IsCityWide && actor.PersonId != personId)
            {
                return Problem.Forbidden("OwnScorecardOnly");
            }
            if (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct) is not { } person)
            {
                return Problem.NotFound("NoSuchPerson", personId);
            }
            var today = DateOnly.FromDateTime(clock.LocalNow);
            var start = Period(clock, from, end: false) ?? clock.ToInstant(new DateTime(today.Year, today.Month, 1));
            var end = Period(clock, to, end: true) ?? clock.UtcNow;
            var errors = TextInput.Collect(
                from is { Length: > 0 } && Period(clock, from, false) is null ? new Domain.Validation.FieldError("from", "PeriodFormat") : null,
                to is { Length: > 0 } && Period(clock, to, true) is null ? new Domain.Validation.FieldError("to", "PeriodFormat") : null);
            if (errors.Count == 0 && end <= start)
            {
                errors.Add(new Domain.Validation.FieldError("to", "PeriodEndsBeforeStart"));
            }
            if (errors.Count > 0)
            {
                return Problem.BadRequest([.. errors]);
            }
            var card = await scorecards.ForAsync(personId, start, end, ct);
            return Results.Ok(new
            {
                personId, name = person.Name, from = start, to = end,
                streets = (await streets.StreetsOfChiefAsync(personId, ReadScope.City, ct)).Select(s => new { s.Id, s.Name }),
                card.Cases, card.Closed, card.ClosedOnTime, card.OverdueNow, card.Repeats, card.HandlingHours, card.Open,
                card.ClosingRate, card.OnTimeClosingRate, card.OverdueRate, card.RepeatRate, card.AverageHandlingHours,
            });
        });

        api.MapGet("/streets/{id}/qr.png", async (string id, HttpRequest request, IConfiguration config, CommandCenterDb db, CancellationToken ct) =>
            await db.Streets.AnyAsync(s => s.Id == id, ct)
                ? Results.File(NoticeBoardCode.Png(NoticeBoardCode.ReportUrl(NoticeBoardCode.BaseUrl(config, request), id)), "image/png")
                : Problem.NotFound("NoSuchStreet", id));

        api.MapPost("/streets/{id}/checklist", async (string id, ChecklistReporter.ChecklistRequest body, ClaimsPrincipal user,
            ChecklistReporter checklist, Messages messages, CancellationToken ct) =>
        {
            if (await checklist.ReportAsync(id, body, user.ToActor()!, ct) is not { } answer)
            {
                return Problem.NotFound("NoSuchStreet", id);
            }
            if (answer.Refused is { } refused)
            {
                return refused.ToResult();
            }
            var outcome = answer.Outcome!;
            if (outcome.Created.Count == 0 && outcome.Refused.Count > 0)
            {
                return outcome.Refused[0].Refused.ToResult();
            }
            return Results.Created($"/api/streets/{id}", new
            {
                cases = outcome.Created.Select(r => new { id = r.Case!.Id, number = r.Case.Number, category = r.Case.CategoryCode, status = r.Case.State.Slug() }),
                refused = outcome.Refused.Select(r => new { item = r.Item, code = r.Refused.Code, messages = messages.Lines(r.Refused).Select(x => x.Text) }),
            });
        });

        var admin = app.MapGroup("/api/admin").RequireAuthorization(p => p.RequireRole("admin")).WithTags("Admin");
        admin.MapGet("/escalation", async (EscalationSettings settings, CancellationToken ct) => Results.Ok(EscalationSettings.ToDto(await settings.CurrentAsync(ct))));
        admin.MapPut("/escalation", async (EscalationSettings.Dto body, ClaimsPrincipal user, EscalationSettings settings, CancellationToken ct) =>
            await settings.SaveAsync(body, user.Identity!.Name!, ct) is { Count: > 0 } errors
                ? Problem.BadRequest([.. errors])
                : Results.Ok(EscalationSettings.ToDto(await settings.CurrentAsync(ct))));
        return app;
    }

    /// <summary>A period bound: a local date (from its midnight; an end date counts in full) or an ISO time.</summary>
    private static DateTimeOffset? Period(CityClock clock, string? text, bool end)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return clock.ToInstant((end ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue));
        }
        return clock.TryParseInstant(text, out var instant) ? instant : null;
    }
}
