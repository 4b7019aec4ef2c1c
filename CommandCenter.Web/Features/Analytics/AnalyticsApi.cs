using System.Security.Claims;
using CommandCenter.Domain.Analytics;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Export;
using CommandCenter.Web.Features.Evaluation;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;
using CommandCenter.Web.Rules;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Features.Analytics;

/// <summary>研判 for screens and files: trends with 环比/同比, grid heat and repeat problems.</summary>
public static class AnalyticsApi
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analytics").RequireAuthorization().WithTags("Analytics");

        api.MapGet("/trends", async (string? by, string? interval, string? from, string? to, string? month, string? format, ClaimsPrincipal user,
            AnalyticsQueries analytics, AnalyticsNames names, CityClock clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            by ??= "category";
            if (format is { Length: > 0 } && format is not ("json" or "xlsx" or "csv"))
            {
                return Problem.BadRequest("format", "FormatUnknown", "json, xlsx, csv");
            }
            if (!AnalyticsQueries.Dimensions.Contains(by))
            {
                return Problem.BadRequest("by", "OneOf", string.Join(", ", AnalyticsQueries.Dimensions));
            }
            var step = TrendInterval.Month;
            if (interval is { Length: > 0 } && !TrendBuckets.TryParse(interval, out step))
            {
                return Problem.BadRequest("interval", "OneOf", "day, week, month");
            }
            if (EvaluationApi.ParsePeriod(from, to, month, clock, out var period) is { } bad)
            {
                return Problem.BadRequest(bad);
            }
            var trend = await analytics.TrendAsync(by, step, period!, ReadScope.For(user.ToActor()!), await names.ForAsync(by, ct), ct);
            var file = $"trend-{by}-{step.Slug()}-{period!.First:yyyyMMdd}-{period.Last:yyyyMMdd}";
            return format switch
            {
                "xlsx" => Results.File(TableFiles.Xlsx([AnalyticsReports.ToReport(trend, l)]), TableFiles.XlsxType, file + ".xlsx"),
                "csv" => Results.File(TableFiles.Csv([AnalyticsReports.ToReport(trend, l)]), TableFiles.CsvType, file + ".csv"),
                _ => Results.Ok(trend),
            };
        });

        api.MapGet("/hotspots", async (string? from, string? to, string? month, string? category, string? format, ClaimsPrincipal user,
            AnalyticsQueries analytics, CaseRulesProvider rules, CityClock clock, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            if (EvaluationApi.ParsePeriod(from, to, month, clock, out var period) is { } bad)
            {
                return Problem.BadRequest(bad);
            }
            if (format is { Length: > 0 } && format is not ("json" or "xlsx" or "csv"))
            {
                return Problem.BadRequest("format", "FormatUnknown", "json, xlsx, csv");
            }
            if (TextInput.Check("category", category, 5) is { } badCategory)
            {
                return Problem.BadRequest(badCategory);
            }
            var scope = ReadScope.For(user.ToActor()!);
            var (heat, repeats) = await analytics.HotspotsAsync(period!, category, scope, RepeatProblemRule.Defaults, ct);
            var categories = (await rules.CurrentAsync(ct)).Categories;
            if (format is "xlsx" or "csv")
            {
                var tables = AnalyticsReports.Hotspots(heat, repeats, categories, l);
                var file = $"hotspots-{period!.First:yyyyMMdd}-{period.Last:yyyyMMdd}";
                return format == "xlsx"
                    ? Results.File(TableFiles.Xlsx(tables), TableFiles.XlsxType, file + ".xlsx")
                    : Results.File(TableFiles.Csv(tables), TableFiles.CsvType, file + ".csv");
            }
            return Results.Ok(new
            {
                from = period!.First, to = period.Last, grids = heat,
                repeats = TrendCharts.RepeatPoints(repeats, categories),
            });
        });
        return app;
    }
}
