using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CommandCenter.Web.Features.Wall;

/// <summary>Computes the wall's figures for one read scope with SQL aggregates over the audit trail and the cases table.</summary>
public sealed class WallStatistics(CommandCenterDb db, CityClock clock, CityGeography city)
{
    private static readonly string[] Dispatches = ["dispatch", "approve-return"];
    private static readonly string[] Closes = ["close", "approve-self-handled"];

    public async Task<WallSnapshot> SnapshotAsync(ReadScope scope, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var todayStart = clock.ToInstant(clock.ToLocal(now).Date);
        var tomorrowStart = clock.ToInstant(clock.ToLocal(now).Date.AddDays(1));
        var lastWeekStart = todayStart.AddDays(-7);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var events = db.CaseEvents.AsNoTracking().VisibleTo(scope);
        var cases = db.Cases.AsNoTracking().VisibleTo(scope);

        var today = await events.Where(e => e.At >= todayStart && e.At < tomorrowStart)
            .GroupBy(e => e.Action).Select(g => new { Action = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Action, x => x.Count, ct);
        int Count(params string[] actions) => actions.Sum(a => today.GetValueOrDefault(a));

        var closedToday = cases.Where(c => c.State == CaseState.Closed && c.ClosedAt >= todayStart && c.ClosedAt < tomorrowStart);
        var closeFigures = await closedToday.GroupBy(_ => 1).Select(g => new
        {
            Closed = g.Count(),
            Judged = g.Count(c => c.HandlingOnTime != null),
            OnTime = g.Count(c => c.HandlingOnTime == true),
            Seconds = g.Sum(c => (c.ClosedAt!.Value - c.ReportedAt).TotalSeconds),
        }).SingleOrDefaultAsync(ct);
        double? onTimeRate = closeFigures is { Judged: > 0 } f ? Math.Round(100.0 * f.OnTime / f.Judged, 1) : null;
        double? avgHours = closeFigures is { Closed: > 0 } g2 ? Math.Round(g2.Seconds / g2.Closed / 3600, 1) : null;

        var open = CaseStates.Open;
        var handling = CaseStage.Handle.States();
        var openCases = cases.Where(c => open.Contains(c.State));
        var overdueNow = await openCases.CountAsync(c => c.StepDeadline != null && c.StepDeadline < now && c.ClockPausedAt == null, ct);
        var communities = city.Index.City.Communities.ToDictionary(c => c.Code, c => c.Name);
        var topGrids = (await openCases.GroupBy(c => c.GridCode)
                .Select(g => new { Code = g.Key, Open = g.Count(), Overdue = g.Count(c => c.StepDeadline != null && c.StepDeadline < now && c.ClockPausedAt == null) })
                .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Code).Take(5).ToListAsync(ct))
            .Select(r => new RankRow(r.Code, $"{ShortCommunity(communities.GetValueOrDefault(r.Code[..12]))} {r.Code[12..]}", r.Open, r.Overdue)).ToList();
        var topDepartments = (await openCases.Where(c => c.DepartmentCode != null && handling.Contains(c.State)).GroupBy(c => c.DepartmentCode!)
                .Select(g => new { Code = g.Key, Open = g.Count(), Overdue = g.Count(c => c.StepDeadline != null && c.StepDeadline < now && c.ClockPausedAt == null) })
                .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Code).Take(5).ToListAsync(ct))
            .Select(r => new RankRow(r.Code, departments.GetValueOrDefault(r.Code, r.Code), r.Open, r.Overdue)).ToList();

        var ticker = (await events.OrderByDescending(e => e.Seq).Take(12).ToListAsync(ct))
            .Select(e => new TickerLine(e.Seq, e.At, e.Street ?? e.GridCode, e.CategoryCode, e.Action,
                e.Department is { } d ? departments.GetValueOrDefault(d, d) : null, e.Overdue)).ToList();

        var (todayHours, lastWeekHours) = await HourlyReportsAsync(scope, todayStart, tomorrowStart, lastWeekStart, ct);

        var kpis = new WallKpis(Count("report"), Count("file"), Count(Dispatches), Count(Closes), Count("self-handle"), onTimeRate, overdueNow, avgHours);
        return new WallSnapshot(kpis, topGrids, topDepartments, ticker, new HourlyTrend(todayHours, lastWeekHours), now);
    }

    /// <summary>Reports per local hour today and on the same weekday last week; PostgreSQL takes the hour in the city's zone.</summary>
    private async Task<(int[] Today, int[] LastWeek)> HourlyReportsAsync(ReadScope scope, DateTimeOffset todayStart, DateTimeOffset tomorrowStart,
        DateTimeOffset lastWeekStart, CancellationToken ct)
    {
        var (visible, scopeParameters) = ReadScopeQueries.EventsSql(scope);
        object[] parameters =
        [
            new NpgsqlParameter("today", todayStart), new NpgsqlParameter("tomorrow", tomorrowStart),
            new NpgsqlParameter("week", lastWeekStart), new NpgsqlParameter("weekEnd", lastWeekStart.AddDays(1)),
            new NpgsqlParameter("zone", clock.Zone.Id), .. scopeParameters,
        ];
        // The interpolated part is the constant scope condition; every value is a parameter.
#pragma warning disable EF1002
        var rows = await db.Database.SqlQueryRaw<HourCount>($"""
            SELECT at >= @today AS "Today", date_part('hour', at AT TIME ZONE @zone)::int AS "Hour", count(*)::int AS "Count"
            FROM case_events
            WHERE action = 'report' AND ((at >= @today AND at < @tomorrow) OR (at >= @week AND at < @weekEnd)) AND {visible}
            GROUP BY 1, 2
            """, parameters).ToListAsync(ct);
#pragma warning restore EF1002
        var today = new int[24];
        var lastWeek = new int[24];
        foreach (var r in rows)
        {
            (r.Today ? today : lastWeek)[r.Hour] = r.Count;
        }
        return (today, lastWeek);
    }

    private sealed record HourCount(bool Today, int Hour, int Count);

    private static string ShortCommunity(string? name) => name?.Replace("社区居委会", "", StringComparison.Ordinal) ?? "";
}
