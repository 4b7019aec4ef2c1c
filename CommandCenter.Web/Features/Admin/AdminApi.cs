using System.Security.Claims;
using CommandCenter.Web.Data;
using CommandCenter.Web.Problems;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Admin;

/// <summary>Admin edits of the rules: step limits, category handling limits, working hours and the holiday calendar.</summary>
public static class AdminApi
{
    public sealed record CategoryLimitRequest(double? Value, string? Unit);
    public sealed record CalendarDayRequest(DateOnly? Date, string? Kind, string? Name);

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").RequireAuthorization(p => p.RequireRole("admin")).WithTags("Admin");

        admin.MapGet("/step-limits", async (CaseRulesProvider rules, CancellationToken ct) => Results.Ok(StepLimitsJson.ToDto((await rules.CurrentAsync(ct)).Steps)));

        admin.MapPut("/step-limits", async (Dictionary<string, StepLimitsJson.LimitDto?> body, ClaimsPrincipal user, CaseRulesProvider rules, RulesAdministration edits, CancellationToken ct) =>
            await edits.SaveStepLimitsAsync(body, user.Identity!.Name!, ct) is { Count: > 0 } errors
                ? Problem.BadRequest([.. errors])
                : Results.Ok(StepLimitsJson.ToDto((await rules.CurrentAsync(ct)).Steps)));

        admin.MapPut("/categories/{code}/limit", async (string code, CategoryLimitRequest body, ClaimsPrincipal user, RulesAdministration edits, CancellationToken ct) =>
            await edits.SetCategoryLimitAsync(code, body.Value, body.Unit, user.Identity!.Name!, ct) switch
            {
                null => Problem.NotFound("NoSuchCategory", code),
                { Count: > 0 } errors => Problem.BadRequest([.. errors.Select(e => e with { Field = e.Field.Replace("limit.", "", StringComparison.Ordinal) })]),
                _ => Results.Ok(new { code, limit = new { value = body.Value, unit = body.Unit } }),
            });

        admin.MapGet("/calendar", async (CommandCenterDb db, CancellationToken ct) =>
            Results.Ok(await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct)));

        admin.MapPut("/calendar", async (CalendarDayRequest body, ClaimsPrincipal user, RulesAdministration edits, CancellationToken ct) =>
            await edits.SetCalendarDayAsync(body.Date, body.Kind, body.Name, user.Identity!.Name!, ct) is { Count: > 0 } errors
                ? Problem.BadRequest([.. errors])
                : Results.Ok(body));

        // A year's file of the shape of cn-2026.csv (text/csv body): the year's days are replaced.
        admin.MapPost("/calendar/import", async (HttpRequest request, ClaimsPrincipal user, RulesAdministration edits, CancellationToken ct) =>
        {
            if (request.ContentLength is > 256 * 1024)
            {
                return Problem.BadRequest("file", "TooLong", 256 * 1024);
            }
            using var reader = new StreamReader(request.Body);
            var (errors, year, days) = await edits.ImportCalendarAsync(await reader.ReadToEndAsync(ct), user.Identity!.Name!, ct);
            return errors.Count > 0 ? Problem.BadRequest([.. errors]) : Results.Ok(new { year, days });
        }).DisableAntiforgery();

        admin.MapGet("/working-hours", async (CaseRulesProvider rules, CancellationToken ct) =>
            Results.Ok((await rules.CurrentAsync(ct)).Clock.Calendar.Hours.Select(h => new Domain.Zones.DailyWindow(h.Start, h.End).ToString())));

        admin.MapPut("/working-hours", async (string?[]? body, ClaimsPrincipal user, CaseRulesProvider rules, RulesAdministration edits, CancellationToken ct) =>
            await edits.SaveWorkingHoursAsync(body, user.Identity!.Name!, ct) is { Count: > 0 } errors
                ? Problem.BadRequest([.. errors])
                : Results.Ok((await rules.CurrentAsync(ct)).Clock.Calendar.Hours.Select(h => new Domain.Zones.DailyWindow(h.Start, h.End).ToString())));

        admin.MapGet("/workflow", async (CaseRulesProvider rules, CancellationToken ct) => Results.Ok(WorkflowSettingsJson.ToDto((await rules.CurrentAsync(ct)).Settings)));

        admin.MapPut("/workflow", async (WorkflowSettingsJson.Dto body, ClaimsPrincipal user, CaseRulesProvider rules, RulesAdministration edits, CancellationToken ct) =>
            await edits.SaveWorkflowSettingsAsync(body, user.Identity!.Name!, ct) is { Count: > 0 } errors
                ? Problem.BadRequest([.. errors])
                : Results.Ok(WorkflowSettingsJson.ToDto((await rules.CurrentAsync(ct)).Settings)));

        admin.MapDelete("/calendar/{date}", async (DateOnly date, ClaimsPrincipal user, RulesAdministration edits, CancellationToken ct) =>
            await edits.RemoveCalendarDayAsync(date, user.Identity!.Name!, ct)
                ? Results.NoContent()
                : Problem.NotFound("NotInCalendar", date.ToString("yyyy-MM-dd")));
        return app;
    }
}
