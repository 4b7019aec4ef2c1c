using System.Globalization;
using CommandCenter.Domain.Analytics;
using CommandCenter.Web.Export;
using CommandCenter.Web.Rules;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Features.Analytics;

/// <summary>Trends and hotspots as report tables: what the pages show, row for row, for the Excel and CSV files.</summary>
public static class AnalyticsReports
{
    /// <summary>One row per series and bucket: count, 环比 % and 同比 % (rounded to 0.1 as on the page).</summary>
    public static ReportTable ToReport(Trend trend, IStringLocalizer l)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var series in trend.Series.Append(trend.Total))
        {
            for (var i = 0; i < trend.Buckets.Count; i++)
            {
                rows.Add([series.Name, trend.Buckets[i].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), series.Counts[i],
                    Round(series.PeriodOnPeriod[i]), Round(series.YearOnYear[i])]);
            }
        }
        return new ReportTable(l["Trend_by_" + trend.By], [l["Trend_series"], l["Trend_bucket"], l["Trend_count"], l["Trend_pop"], l["Trend_yoy"]], rows);
    }

    public static IReadOnlyList<ReportTable> Hotspots(IReadOnlyDictionary<string, long> heat, IReadOnlyList<RepeatProblem> repeats,
        IReadOnlyDictionary<string, CategoryInfo> categories, IStringLocalizer l) =>
    [
        new ReportTable(l["Hotspot_grids"], [l["GridCode"], l["Trend_count"]],
            heat.OrderByDescending(h => h.Value).ThenBy(h => h.Key, StringComparer.Ordinal).Select(h => (IReadOnlyList<object?>)[h.Key, h.Value]).ToList()),
        new ReportTable(l["Hotspot_repeats"], [l["Category"], l["Hotspot_count"], l["Hotspot_reports"], l["Hotspot_first"], l["Hotspot_last"], "lon", "lat"],
            repeats.Select(r => (IReadOnlyList<object?>)[categories.GetValueOrDefault(r.CategoryCode)?.DisplayName ?? r.CategoryCode, r.PeakCount, r.Sightings.Count,
                r.FirstAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.LastAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Math.Round(r.Lon, 6), Math.Round(r.Lat, 6)]).ToList()),
    ];

    public static double? Round(double? value) => value is { } v ? Math.Round(v, 1) : null;
}
