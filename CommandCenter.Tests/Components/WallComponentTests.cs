using CommandCenter.Domain.Clocks;
using CommandCenter.Web.Rules;
using CommandCenter.Web.Features.Wall;

namespace CommandCenter.Tests.Components;

public sealed class WallComponentTests : ComponentTestContext
{
    [Fact]
    public void Kpi_tiles_show_todays_figures_and_flag_overdue_cases()
    {
        var tiles = Render<KpiTiles>(p => p.Add(x => x.Kpis, new WallKpis(42, 30, 28, 17, 5, 87.5, 3, 6.25)));
        Assert.Equal("42", tiles.Find("[data-kpi=reported] .cc-kpi-value").TextContent);
        Assert.Equal("今日上报", tiles.Find("[data-kpi=reported] .cc-kpi-label").TextContent);
        Assert.Equal("87.5%", tiles.Find("[data-kpi=on-time-rate] .cc-kpi-value").TextContent);
        Assert.Equal("6.3 小时", tiles.Find("[data-kpi=avg-hours] .cc-kpi-value").TextContent);
        Assert.Contains("cc-kpi-alarm", tiles.Find("[data-kpi=overdue]").ClassName);
        Assert.DoesNotContain("cc-kpi-alarm", tiles.Find("[data-kpi=closed]").ClassName);
    }

    [Fact]
    public void Kpi_tiles_show_a_dash_when_nothing_was_closed_yet_and_no_alarm_without_overdue_cases()
    {
        var tiles = Render<KpiTiles>(p => p.Add(x => x.Kpis, new WallKpis(0, 0, 0, 0, 0, null, 0, null)));
        Assert.Equal("—", tiles.Find("[data-kpi=on-time-rate] .cc-kpi-value").TextContent);
        Assert.Equal("—", tiles.Find("[data-kpi=avg-hours] .cc-kpi-value").TextContent);
        Assert.DoesNotContain("cc-kpi-alarm", tiles.Find("[data-kpi=overdue]").ClassName);
        Assert.Equal(8, tiles.FindAll(".cc-kpi").Count);
    }

    [Fact]
    public void The_ticker_lists_transitions_newest_first_flashes_new_ones_and_keeps_overdue_red()
    {
        var lines = new[]
        {
            new TickerLine(12, Now.AddMinutes(2), "汉中路", "20102", "dispatch", "市容环卫", false),
            new TickerLine(11, Now.AddMinutes(-1), "中山路", "20201", "report", null, false),
            new TickerLine(10, Now.AddMinutes(-7), "石鼓路", "20504", "supervise", "市容环卫", true),
        };
        var categories = new Dictionary<string, CategoryInfo>
        {
            ["20102"] = new("20102", "事件", "暴露垃圾", "Exposed garbage", "sanitation", TimeLimit.WorkingHours(4), true),
            ["20201"] = new("20201", "事件", "非法小广告", "Illegal small ads", "sanitation", TimeLimit.WorkingHours(4), true),
            ["20504"] = new("20504", "事件", "店外经营", "Trading outside the shop", "enforcement", TimeLimit.WorkingHours(2), true),
        };
        var ticker = Render<TransitionTicker>(p => p.Add(x => x.Lines, lines).Add(x => x.FlashAfter, 11).Add(x => x.Categories, categories));
        var rendered = ticker.FindAll(".cc-ticker-line");
        Assert.Equal(["14:02 汉中路 暴露垃圾 已派遣 市容环卫", "13:59 中山路 非法小广告 新上报", "13:53 石鼓路 店外经营 被督办"], rendered.Select(r => r.TextContent));
        Assert.Contains("cc-ticker-new", rendered[0].ClassName);
        Assert.DoesNotContain("cc-ticker-new", rendered[1].ClassName);
        Assert.Contains("cc-ticker-report", rendered[1].ClassName);
        Assert.Contains("cc-ticker-overdue", rendered[2].ClassName);
    }

    [Fact]
    public void In_english_the_ticker_speaks_english()
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
        var categories = new Dictionary<string, CategoryInfo> { ["20102"] = new("20102", "事件", "暴露垃圾", "Exposed garbage", "sanitation", TimeLimit.WorkingHours(4), true) };
        var ticker = Render<TransitionTicker>(p => p.Add(x => x.Lines, [new TickerLine(3, Now, "汉中路", "20102", "close", null, false)]).Add(x => x.Categories, categories));
        Assert.Equal("14:00 汉中路 Exposed garbage closed", ticker.Find(".cc-ticker-line").TextContent);
    }

    [Fact]
    public void Rank_lists_number_their_rows_and_mark_overdue_counts()
    {
        var list = Render<RankList>(p => p.Add(x => x.Title, "网格排行").Add(x => x.Rows, [new RankRow("320102003002007", "长江路 007", 5, 2), new RankRow("320102003002001", "长江路 001", 3, 0)]));
        var rows = list.FindAll(".cc-rank-row");
        Assert.Equal("1", rows[0].QuerySelector(".cc-rank-n")!.TextContent);
        Assert.Equal("长江路 007", rows[0].QuerySelector(".cc-rank-name")!.TextContent);
        Assert.Equal("2", rows[0].QuerySelector(".cc-rank-overdue")!.TextContent);
        Assert.NotNull(rows[1].QuerySelector(".cc-rank-zero"));
    }

    [Fact]
    public void The_hourly_trend_draws_both_days_scaled_to_the_busiest_hour()
    {
        var today = new int[24];
        today[9] = 4;
        today[10] = 8;
        var lastWeek = new int[24];
        lastWeek[9] = 2;
        var chart = Render<HourlyTrendChart>(p => p.Add(x => x.Trend, new HourlyTrend(today, lastWeek)));
        var todayPoints = chart.Find("[data-series=today]").GetAttribute("points")!.Split(' ');
        var lastWeekPoints = chart.Find("[data-series=last-week]").GetAttribute("points")!.Split(' ');
        Assert.Equal(24, todayPoints.Length);
        Assert.Equal(24, lastWeekPoints.Length);
        static double Y(string point) => double.Parse(point.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(14, Y(todayPoints[10]), 3);          // the busiest hour touches the top margin
        Assert.Equal(126, Y(todayPoints[0]), 3);          // an empty hour sits on the baseline
        Assert.True(Y(lastWeekPoints[9]) > Y(todayPoints[9]));
    }
}
