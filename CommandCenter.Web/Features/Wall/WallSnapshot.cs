namespace CommandCenter.Web.Features.Wall;

/// <summary>Today's key figures for the wall (local day in the city's zone).</summary>
public sealed record WallKpis(
    int Reported, int Filed, int Dispatched, int Closed, int SelfHandled, double? OnTimeCloseRate, int OverdueNow, double? AverageHoursToClose);

/// <summary>A grid or department with its open and overdue cases.</summary>
public sealed record RankRow(string Code, string Name, int Open, int Overdue);

/// <summary>One transition for the ticker, worded by the wall in its language: "14:02 汉中路 暴露垃圾 已派遣 市容环卫".</summary>
public sealed record TickerLine(long Seq, DateTimeOffset At, string Place, string Category, string Action, string? Department, bool Overdue);

/// <summary>Reports per local hour, today and on the same weekday last week.</summary>
public sealed record HourlyTrend(IReadOnlyList<int> Today, IReadOnlyList<int> LastWeek);

/// <summary>Everything the wall shows besides the map.</summary>
public sealed record WallSnapshot(
    WallKpis Kpis, IReadOnlyList<RankRow> TopGrids, IReadOnlyList<RankRow> TopDepartments, IReadOnlyList<TickerLine> Ticker,
    HourlyTrend Trend, DateTimeOffset At);
