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

        admin.MapDelete("/calendar/{date}", async (DateOnly date, ClaimsPrincipal user, RulesAdministration edits, CancellationToken ct) =>
            await edits.RemoveCalendarDayAsync(date, user.Identity!.Name!, ct)
                ? Results.NoContent()
                : Problem.NotFound("NotInCalendar", date.ToString("yyyy-MM-dd")));
        return app;
    }
}
