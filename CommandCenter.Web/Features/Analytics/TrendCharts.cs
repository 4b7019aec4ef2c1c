using System.Globalization;
using CommandCenter.Domain.Analytics;
using CommandCenter.Domain.Evaluation;
using CommandCenter.Web.Rules;

namespace CommandCenter.Web.Features.Analytics;

/// <summary>ECharts options built on the server from the same figures the tables and files show.</summary>
public static class TrendCharts
{
    /// <summary>A line per series over the buckets (the total as a dashed line), legend on top.</summary>
    public static object Lines(Trend trend, bool withTotal = true)
    {
        var labels = trend.Buckets.Select(b => trend.Interval == TrendInterval.Month
            ? b.ToString("yyyy-MM", CultureInfo.InvariantCulture) : b.ToString("MM-dd", CultureInfo.InvariantCulture)).ToList();
        var series = trend.Series.Select(s => (object)new { name = s.Name, type = "line", smooth = true, symbolSize = 4, data = s.Counts }).ToList();
        if (withTotal)
        {
            series.Add(new { name = trend.Total.Name, type = "line", lineStyle = new { type = "dashed", width = 2 }, symbolSize = 3, data = trend.Total.Counts });
        }
        return new
        {
            animation = false,
            tooltip = new { trigger = "axis" },
            legend = new { type = "scroll", top = 0 },
            grid = new { left = 40, right = 16, top = 36, bottom = 28 },
            xAxis = new { type = "category", data = labels },
            yAxis = new { type = "value", minInterval = 1 },
            series,
        };
    }

    /// <summary>Horizontal bars of the units' composites, coloured by grade (A green … E red).</summary>
    public static object Composites(IEnumerable<(string Name, double Composite, Grade Grade)> units)
    {
        var list = units.Reverse().ToList();
        return new
        {
            animation = false,
            tooltip = new { trigger = "axis" },
            grid = new { left = 120, right = 30, top = 8, bottom = 20 },
            xAxis = new { type = "value", min = 0, max = 100 },
            yAxis = new { type = "category", data = list.Select(u => u.Name) },
            series = new[]
            {
                new
                {
                    type = "bar",
                    label = new { show = true, position = "right" },
                    data = list.Select(u => new { value = u.Composite, itemStyle = new { color = Colour(u.Grade) } }),
                },
            },
        };
    }

    /// <summary>The repeat problems as the map draws them.</summary>
    public static IReadOnlyList<object> RepeatPoints(IEnumerable<RepeatProblem> repeats, IReadOnlyDictionary<string, CategoryInfo> categories) =>
        repeats.Select(r => (object)new
        {
            category = r.CategoryCode, categoryName = categories.GetValueOrDefault(r.CategoryCode)?.DisplayName ?? r.CategoryCode,
            lon = r.Lon, lat = r.Lat, count = r.PeakCount, reports = r.Sightings.Count, first = r.FirstAt, last = r.LastAt,
            numbers = r.Sightings.Select(s => s.Number).Take(20),
        }).ToList();

    private static string Colour(Grade grade) => grade switch
    {
        Grade.A => "#2e7d32",
        Grade.B => "#1565c0",
        Grade.C => "#f9a825",
        Grade.D => "#ef6c00",
        _ => "#c62828",
    };
}
