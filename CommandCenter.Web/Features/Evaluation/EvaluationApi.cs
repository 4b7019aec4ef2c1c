using System.Globalization;
using System.Security.Claims;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Evaluation;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.Export;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Features.Evaluation;

/// <summary>
/// 综合评价 for other systems and downloads: <c>GET /api/evaluation/{scope}?from=&amp;to=</c> (or <c>?month=yyyy-MM</c>) with
/// <c>format=json|xlsx|csv</c>; the practices, the 红黑榜 and the admin's settings.
/// </summary>
public static class EvaluationApi
{
    public const int MaxDays = 400;

    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evaluation").RequireAuthorization().WithTags("Evaluation");

        api.MapGet("/practices", async (string? from, string? to, string? month, ClaimsPrincipal user, PracticeFigures figures, EvaluationService evaluation,
            CityClock clock, CancellationToken ct) =>
        {
            if (ParsePeriod(from, to, month, clock, out var period) is { } bad)
            {
                return Problem.BadRequest(bad);
            }
            var (start, end) = evaluation.Instants(period!);
            return Results.Ok(await figures.OfAsync(start, end, clock.UtcNow, ReadScope.For(user.ToActor()!), ct));
        });

        api.MapGet("/redblack", async (string? month, ClaimsPrincipal user, EvaluationService evaluation, CityClock clock, CancellationToken ct) =>
        {
            if (ParsePeriod(null, null, month, clock, out var period, defaultLastMonth: true) is { } bad)
            {
                return Problem.BadRequest(bad);
            }
            var boards = await evaluation.RedBlackBoardsAsync(period!, ReadScope.For(user.ToActor()!), ct);
            object Unit(RedBlackEntry u) => new { rank = u.Rank, code = u.Code, name = u.Name, composite = u.Composite, grade = u.Grade.Letter() };
            var lists = boards.Select(b => new { scope = b.Scope, red = b.Red.Select(Unit), black = b.Black.Select(Unit), notEvaluated = b.NotEvaluated });
            return Results.Ok(new { month = period!.First.ToString("yyyy-MM", CultureInfo.InvariantCulture), lists });
        });

        api.MapGet("/{scope}", async (string scope, string? from, string? to, string? month, string? format, ClaimsPrincipal user,
            EvaluationService evaluation, CityClock clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (!EvaluationService.Scopes.Contains(scope))
            {
                return Problem.NotFound("NoSuchEvaluationScope", scope, string.Join(", ", EvaluationService.Scopes));
            }
            if (ParsePeriod(from, to, month, clock, out var period) is { } bad)
            {
                return Problem.BadRequest(bad);
            }
            if (format is { Length: > 0 } && format is not ("json" or "xlsx" or "csv"))
            {
                return Problem.BadRequest("format", "FormatUnknown", "json, xlsx, csv");
            }
            var tables = (await evaluation.TablesAsync(scope, period!, ReadScope.For(user.ToActor()!), ct))!;
            var file = $"evaluation-{scope}-{period!.First:yyyyMMdd}-{period.Last:yyyyMMdd}";
            return format switch
            {
                "xlsx" => Results.File(TableFiles.Xlsx(tables.Select(t => EvaluationReports.ToReport(t, l))), TableFiles.XlsxType, file + ".xlsx"),
                "csv" => Results.File(TableFiles.Csv(tables.Select(t => EvaluationReports.ToReport(t, l))), TableFiles.CsvType, file + ".csv"),
                _ => Results.Ok(new
                {
                    scope, from = period.First, to = period.Last, kind = period.Kind.ToString().ToLowerInvariant(),
                    rows = tables.SelectMany(t => t.Rows.Select(r => EvaluationReports.ToJson(t, r, scope == "positions" ? t.Scope : null))),
                }),
            };
        });

        var admin = app.MapGroup("/api/admin/evaluation").RequireAuthorization(p => p.RequireRole("admin")).WithTags("Admin");
        admin.MapGet("", async (EvaluationSettingsStore store, CancellationToken ct) => Results.Ok(await store.CurrentAsync(ct)));
        admin.MapPut("", async (EvaluationSettings body, ClaimsPrincipal user, EvaluationSettingsStore store, CancellationToken ct) =>
            await store.SaveAsync(body, user.Identity!.Name!, ct) is { Count: > 0 } errors
                ? Problem.BadRequest([.. errors])
                : Results.Ok(await store.CurrentAsync(ct)));
        return app;
    }

    /// <summary>
    /// The period asked for: <c>month=yyyy-MM</c>, or local dates <c>from</c>–<c>to</c> (both inclusive; either alone is one
    /// day); by default this month (or, for lists that are published monthly, the last full month).
    /// </summary>
    public static FieldError? ParsePeriod(string? from, string? to, string? month, CityClock clock, out EvaluationPeriod? period, bool defaultLastMonth = false)
    {
        period = null;
        var today = DateOnly.FromDateTime(clock.LocalNow);
        if (month is { Length: > 0 })
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                return new FieldError("month", "MonthFormat");
            }
            period = EvaluationPeriod.Month(first);
            return null;
        }
        if (from is not { Length: > 0 } && to is not { Length: > 0 })
        {
            period = EvaluationPeriod.Month(defaultLastMonth ? today.AddMonths(-1) : today);
            return null;
        }
        DateOnly start = default, end = default;
        if (from is { Length: > 0 } && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            return new FieldError("from", "DateFormat");
        }
        if (to is { Length: > 0 } && !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            return new FieldError("to", "DateFormat");
        }
        if (from is not { Length: > 0 }) start = end;
        if (to is not { Length: > 0 }) end = start;
        if (end < start)
        {
            return new FieldError("to", "PeriodReversed");
        }
        if (end.DayNumber - start.DayNumber + 1 > MaxDays)
        {
            return new FieldError("to", "PeriodTooLong", MaxDays);
        }
        period = new EvaluationPeriod(start, end);
        return null;
    }
}
