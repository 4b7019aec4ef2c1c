using System.Security.Claims;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Auth;
using CommandCenter.Web.Features.Live;
using CommandCenter.Web.Features.Problems;
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
                id = c.Id, number = c.Number, status = Domain.Cases.CaseStates.Slug(c.State),
                gridCode = c.GridCode, dutyGrid = c.DutyGridCode, community = c.CommunityCode, subdistrict = c.SubdistrictCode,
                street = c.StreetName, streetChief = c.StreetChief, department = c.DepartmentCode, deadline = c.StepDeadline,
                version = c.Version, likelyDuplicates = result.Duplicates,
            });
        });

        api.MapGet("/cases", async (string? status, string? category, string? source, string? grid, string? dutyGrid, string? department,
            bool? overdue, string? q, int? page, int? pageSize, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct) =>
            Results.Ok(await queries.ListAsync(new CaseFilter(
                status?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), category, source, grid, dutyGrid,
                department, overdue, q, page ?? 1, pageSize ?? 50), ct, user.ToActor())));

        api.MapGet("/cases/{id:guid}", async (Guid id, ClaimsPrincipal user, CaseQueries queries, CancellationToken ct) =>
            await queries.DetailAsync(id, user.ToActor(), ct) is { } detail ? Results.Ok(detail) : Problem.NotFound($"案件 {id} 不存在 / no case {id}"));

        api.MapPost("/cases/{id:guid}/actions/{action}", async (Guid id, string action, CaseActionRequest? body, ClaimsPrincipal user,
            CaseService cases, CaseQueries queries, CancellationToken ct) =>
        {
            var result = await cases.ActAsync(id, action, body ?? new CaseActionRequest(), user.ToActor()!, ct);
            return result.Succeeded ? Results.Ok(await queries.DetailAsync(id, user.ToActor(), ct)) : result.ToProblem();
        });

        api.MapGet("/events", async (long? after, int? limit, CaseQueries queries, CancellationToken ct) =>
            Results.Ok((await queries.EventsAfterAsync(after ?? 0, limit ?? 1000, ct)).Select(CaseChangedMessage.From)));

        api.MapGet("/events/latest", async (CommandCenterDb db, CancellationToken ct) =>
            Results.Ok(new { seq = await db.CaseEvents.MaxAsync(e => (long?)e.Seq, ct) ?? 0 }));

        // A whole local day of events, for the wall's morning replay.
        api.MapGet("/events/day", async (string? date, CommandCenterDb db, Domain.Geography.CityClock clock, CancellationToken ct) =>
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            {
                return Problem.BadRequest(("date", "日期格式应为 yyyy-MM-dd / date must look like 2026-11-26"));
            }
            var start = clock.ToInstant(day.ToDateTime(TimeOnly.MinValue));
            var end = start.AddDays(1);
            var rows = await db.CaseEvents.AsNoTracking().Where(e => e.At >= start && e.At < end).OrderBy(e => e.Seq).ToListAsync(ct);
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
