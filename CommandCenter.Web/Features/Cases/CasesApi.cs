using System.Globalization;
using System.Security.Claims;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Live;
using CommandCenter.Web.Problems;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Cases;

/// <summary>The case API used by field devices, desks and checks: report, list, read, act, categories, departments, events.</summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Cases");

        api.MapPost("/cases", async (NewCaseRequest body, ClaimsPrincipal user, CaseService cases, CancellationToken ct) =>
        {
            var result = await cases.CreateAsync(body, user.ToActor()!, ct);
            if (!result.Succeeded)
            {
                return result.ToProblem();
            }
            var c = result.Case!;
            return Results.Created($"/api/cases/{c.Id}", new
            {
                id = c.Id, number = c.Number, status = c.State.Slug(),
                gridCode = c.GridCode, dutyGrid = c.DutyGridCode, community = c.CommunityCode, subdistrict = c.SubdistrictCode,
                street = c.StreetName, streetChief = c.StreetChief, department = c.DepartmentCode, deadline = c.StepDeadline,
                version = c.Version, likelyDuplicates = result.Duplicates,
            });
        });

        api.MapGet("/cases", async (string? status, string? stage, string? category, string? source, string? grid, string? dutyGrid, string? department,
            bool? overdue, string? q, string? pending, int? page, int? pageSize, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct) =>
        {
            var filter = new CaseFilter(status?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), stage, category, source,
                grid, dutyGrid, department, overdue, q, Pending: pending, Page: page ?? 1, PageSize: pageSize ?? 50);
            if (filter.Validate() is { Count: > 0 } bad)
            {
                return Problem.BadRequest([.. bad]);
            }
            return Results.Ok(await queries.ListAsync(filter, ReadScope.For(user.ToActor()!), ct));
        });

        api.MapGet("/cases/{id:guid}", async (Guid id, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct) =>
            await queries.DetailAsync(id, user.ToActor()!, ct) is { } detail ? Results.Ok(detail) : Problem.NotFound("NoSuchCase", id));

        api.MapPost("/cases/{id:guid}/actions/{action}", async (Guid id, string action, CaseActionRequest? body, ClaimsPrincipal user,
            CaseService cases, CaseQueries queries, CancellationToken ct) =>
        {
            var actor = user.ToActor()!;
            var result = await cases.ActAsync(id, action, body ?? new CaseActionRequest(), actor, ct);
            return result.Succeeded ? Results.Ok(await queries.DetailAsync(id, actor, ct)) : result.ToProblem();
        });

        // X-Events-Up-To: how far this instance has handed events on; a reader has seen all of theirs up to it.
        api.MapGet("/events", async (long? after, int? limit, ClaimsPrincipal user, CaseQueries queries, ChangeFollower follower, HttpResponse response, CancellationToken ct) =>
        {
            var upTo = follower.CasePosition;
            var events = await queries.EventsAfterAsync(after ?? 0, limit ?? 1000, ReadScope.For(user.ToActor()!), upTo, ct);
            response.Headers["X-Events-Up-To"] = upTo.ToString(CultureInfo.InvariantCulture);
            return Results.Ok(events.Select(CaseChangedMessage.From));
        });

        // Where the live feed starts: a screen takes this, then its snapshot, then applies every event after it.
        api.MapGet("/events/latest", (ChangeFollower follower) => Results.Ok(new { seq = follower.CasePosition }));

        // A whole local day of events, for the wall's morning replay.
        api.MapGet("/events/day", async (string? date, ClaimsPrincipal user, CommandCenterDb db, CityClock clock, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Problem.BadRequest("date", "DateFormat");
            }
            var start = clock.ToInstant(day.ToDateTime(TimeOnly.MinValue));
            var end = clock.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
            var rows = await db.CaseEvents.AsNoTracking().VisibleTo(ReadScope.For(user.ToActor()!))
                .Where(e => e.At >= start && e.At < end).OrderBy(e => e.Seq).ToListAsync(ct);
            return Results.Ok(rows.Select(CaseChangedMessage.From));
        });

        api.MapGet("/categories", async (CaseRulesProvider rules, CancellationToken ct) =>
            Results.Ok((await rules.CurrentAsync(ct)).Categories.Values.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new
            {
                code = c.Code, kind = c.Kind, name = c.Name, nameEn = c.NameEn, department = c.DepartmentCode,
                limit = new { value = c.HandlingLimit.Value, unit = Domain.Clocks.TimeLimit.UnitSlug(c.HandlingLimit.Unit) }, sample = c.Sample,
            })));

        api.MapGet("/departments", async (CommandCenterDb db, CancellationToken ct) =>
            Results.Ok(await db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new { code = d.Code, name = d.Name, nameEn = d.NameEn }).ToListAsync(ct)));

        return app;
    }
}
