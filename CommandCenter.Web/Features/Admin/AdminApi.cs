using CommandCenter.Domain.Clocks;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Features.Problems;
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

        admin.MapPut("/step-limits", async (Dictionary<string, StepLimitsJson.LimitDto> body, CaseRulesProvider rules, RulesAdministration edits, CancellationToken ct) =>
        {
            foreach (var (step, limit) in body)
            {
                if (!StepLimitsJson.Steps.Contains(step))
                {
                    return Problem.BadRequest((step, $"未知环节 / unknown step; steps are {string.Join(", ", StepLimitsJson.Steps)}"));
                }
                if (limit.Value <= 0 || !TimeLimit.TryParseUnit(limit.Unit, out _))
                {
                    return Problem.BadRequest((step, "时限须为正数, 单位为 workingHours/workingDays/naturalHours / value must be positive and unit one of workingHours, workingDays, naturalHours"));
                }
            }
            var merged = StepLimitsJson.ToDto((await rules.CurrentAsync(ct)).Steps);
            foreach (var (step, limit) in body)
            {
                merged[step] = limit;
            }
            await edits.SaveStepLimitsAsync(merged, ct);
            return Results.Ok(merged);
        });

        admin.MapPut("/categories/{code}/limit", async (string code, CategoryLimitRequest body, CommandCenterDb db, RulesAdministration edits, CancellationToken ct) =>
        {
            if (!await db.Categories.AnyAsync(c => c.Code == code, ct))
            {
                return Problem.NotFound($"类别 {code} 不存在 / no category {code}");
            }
            if (body.Value is not > 0)
            {
                return Problem.BadRequest(("value", "时限须为正数 / value must be positive"));
            }
            if (!TimeLimit.TryParseUnit(body.Unit, out _))
            {
                return Problem.BadRequest(("unit", "单位应为 workingHours、workingDays 或 naturalHours / unit must be workingHours, workingDays or naturalHours"));
            }
            await edits.SetCategoryLimitAsync(code, body.Value.Value, body.Unit!, ct);
            return Results.Ok(new { code, limit = new { value = body.Value.Value, unit = body.Unit } });
        });

        admin.MapGet("/calendar", async (CommandCenterDb db, CancellationToken ct) =>
            Results.Ok(await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct)));

        admin.MapPut("/calendar", async (CalendarDayRequest body, RulesAdministration edits, CancellationToken ct) =>
        {
            if (body.Date is null)
            {
                return Problem.BadRequest(("date", "请给出日期 yyyy-MM-dd / date is required"));
            }
            if (body.Kind is not ("holiday" or "workday"))
            {
                return Problem.BadRequest(("kind", "类型应为 holiday(节假日) 或 workday(调休上班) / kind must be holiday or workday"));
            }
            await edits.SetCalendarDayAsync(body.Date.Value, body.Kind, body.Name, ct);
            return Results.Ok(body);
        });

        admin.MapDelete("/calendar/{date}", async (DateOnly date, RulesAdministration edits, CancellationToken ct) =>
            await edits.RemoveCalendarDayAsync(date, ct)
                ? Results.NoContent()
                : Problem.NotFound($"{date:yyyy-MM-dd} 不是特殊日期 / {date:yyyy-MM-dd} is not in the calendar"));
        return app;
    }
}
