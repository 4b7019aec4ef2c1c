using System.Text.Json;
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

        admin.MapPut("/step-limits", async (Dictionary<string, StepLimitsJson.LimitDto> body, CommandCenterDb db, CaseRulesProvider rules, CancellationToken ct) =>
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
            await UpsertSettingAsync(db, CaseRulesProvider.StepLimitsKey, JsonSerializer.Serialize(merged, JsonSerializerOptions.Web), ct);
            rules.Invalidate();
            return Results.Ok(merged);
        });

        admin.MapPut("/categories/{code}/limit", async (string code, CategoryLimitRequest body, CommandCenterDb db, CaseRulesProvider rules, CancellationToken ct) =>
        {
            var category = await db.Categories.FindAsync([code], ct);
            if (category is null)
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
            category.LimitValue = body.Value.Value;
            category.LimitUnit = body.Unit!;
            category.Sample = false;
            await db.SaveChangesAsync(ct);
            rules.Invalidate();
            return Results.Ok(new { code, limit = new { value = category.LimitValue, unit = category.LimitUnit } });
        });

        admin.MapGet("/calendar", async (CommandCenterDb db, CancellationToken ct) =>
            Results.Ok(await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct)));

        admin.MapPut("/calendar", async (CalendarDayRequest body, CommandCenterDb db, CaseRulesProvider rules, CancellationToken ct) =>
        {
            if (body.Date is null)
            {
                return Problem.BadRequest(("date", "请给出日期 yyyy-MM-dd / date is required"));
            }
            if (body.Kind is not ("holiday" or "workday"))
            {
                return Problem.BadRequest(("kind", "类型应为 holiday(节假日) 或 workday(调休上班) / kind must be holiday or workday"));
            }
            var day = await db.CalendarDays.FindAsync([body.Date.Value], ct);
            if (day is null)
            {
                db.CalendarDays.Add(new CalendarDayRow { Date = body.Date.Value, Kind = body.Kind, Name = body.Name });
            }
            else
            {
                day.Kind = body.Kind;
                day.Name = body.Name;
            }
            await db.SaveChangesAsync(ct);
            rules.Invalidate();
            return Results.Ok(body);
        });

        admin.MapDelete("/calendar/{date}", async (DateOnly date, CommandCenterDb db, CaseRulesProvider rules, CancellationToken ct) =>
        {
            var removed = await db.CalendarDays.Where(d => d.Date == date).ExecuteDeleteAsync(ct);
            rules.Invalidate();
            return removed == 0 ? Problem.NotFound($"{date:yyyy-MM-dd} 不是特殊日期 / {date:yyyy-MM-dd} is not in the calendar") : Results.NoContent();
        });
        return app;
    }

    public static async Task UpsertSettingAsync(CommandCenterDb db, string key, string json, CancellationToken ct)
    {
        var row = await db.Settings.FindAsync([key], ct);
        if (row is null)
        {
            db.Settings.Add(new SettingRow { Key = key, Json = json });
        }
        else
        {
            row.Json = json;
        }
        await db.SaveChangesAsync(ct);
    }
}
