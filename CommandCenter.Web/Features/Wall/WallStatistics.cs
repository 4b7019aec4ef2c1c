using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Wall;

/// <summary>Computes the wall's figures from the audit trail and the open cases.</summary>
public sealed class WallStatistics(CommandCenterDb db, CityClock clock, CaseRulesProvider rulesProvider, Map.CityGeography city)
{
    public async Task<WallSnapshot> SnapshotAsync(CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var localNow = clock.ToLocal(now);
        var todayStart = clock.ToInstant(localNow.Date);
        var lastWeekStart = todayStart.AddDays(-7);
        var rules = await rulesProvider.CurrentAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);

        var today = await db.CaseEvents.AsNoTracking().Where(e => e.At >= todayStart)
            .GroupBy(e => e.Action).Select(g => new { Action = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Action, x => x.Count, ct);
        int Count(params string[] actions) => actions.Sum(a => today.GetValueOrDefault(a));

        var closedToday = await db.Cases.AsNoTracking().Where(c => c.State == CaseState.Closed && c.ClosedAt >= todayStart)
            .Select(c => new { c.HandlingOnTime, c.ReportedAt, c.ClosedAt }).ToListAsync(ct);
        var judged = closedToday.Where(c => c.HandlingOnTime is not null).ToList();
        var onTimeRate = judged.Count == 0 ? (double?)null : Math.Round(100.0 * judged.Count(c => c.HandlingOnTime == true) / judged.Count, 1);
        var avgHours = closedToday.Count == 0 ? (double?)null : Math.Round(closedToday.Average(c => (c.ClosedAt!.Value - c.ReportedAt).TotalHours), 1);

        var openStates = Enum.GetValues<CaseState>().Where(s => s.IsOpen()).ToList();
        var open = await db.Cases.AsNoTracking().Where(c => openStates.Contains(c.State))
            .Select(c => new { c.GridCode, c.CommunityCode, c.DepartmentCode, c.State, Overdue = c.StepDeadline != null && c.StepDeadline < now && c.ClockPausedAt == null })
            .ToListAsync(ct);
        var communities = city.Index.City.Communities.ToDictionary(c => c.Code, c => c.Name);
        var topGrids = open.GroupBy(c => c.GridCode)
            .Select(g => new RankRow(g.Key, $"{ShortCommunity(communities.GetValueOrDefault(g.Key[..12]))} {g.Key[12..]}", g.Count(), g.Count(c => c.Overdue)))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Code, StringComparer.Ordinal).Take(5).ToList();
        var topDepartments = open.Where(c => c.DepartmentCode is not null && c.State.StageOf() == CaseStage.Handle).GroupBy(c => c.DepartmentCode!)
            .Select(g => new RankRow(g.Key, departments.GetValueOrDefault(g.Key, g.Key), g.Count(), g.Count(c => c.Overdue)))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.Open).ThenBy(r => r.Code, StringComparer.Ordinal).Take(5).ToList();

        var latest = await db.CaseEvents.AsNoTracking().OrderByDescending(e => e.Seq).Take(12).ToListAsync(ct);
        var ticker = latest.Select(e => new TickerLine(e.Seq, e.At, TickerText(e, rules, departments), e.Action, e.Overdue)).ToList();

        var reports = await db.CaseEvents.AsNoTracking()
            .Where(e => e.Action == "report" && ((e.At >= todayStart && e.At < todayStart.AddDays(1)) || (e.At >= lastWeekStart && e.At < lastWeekStart.AddDays(1))))
            .Select(e => e.At).ToListAsync(ct);
        var todayHours = new int[24];
        var lastWeekHours = new int[24];
        foreach (var at in reports)
        {
            var local = clock.ToLocal(at);
            (at >= todayStart ? todayHours : lastWeekHours)[local.Hour]++;
        }

        var kpis = new WallKpis(Count("report"), Count("file"), Count("dispatch", "approve-return"), Count("close", "approve-self-handled"),
            Count("self-handle"), onTimeRate, open.Count(c => c.Overdue), avgHours);
        return new WallSnapshot(kpis, topGrids, topDepartments, ticker, new HourlyTrend(todayHours, lastWeekHours), now);
    }

    /// <summary>"14:02 汉中路 暴露垃圾 已派遣 市容环卫".</summary>
    public string TickerText(CaseEventRow e, CaseRulesProvider.Snapshot rules, IReadOnlyDictionary<string, string> departments)
    {
        var time = clock.ToLocal(e.At).ToString("HH:mm");
        var category = rules.Categories.GetValueOrDefault(e.CategoryCode)?.Name ?? e.CategoryCode;
        var department = e.Action is "dispatch" or "approve-return" or "return" or "handle" && e.Department is { } d ? " " + departments.GetValueOrDefault(d, d) : "";
        return $"{time} {e.Street ?? e.GridCode} {category} {PastTense(e.Action)}{department}".Replace("  ", " ");
    }

    private static string PastTense(string action) => action switch
    {
        "report" => "新上报", "accept" => "已受理", "verify" => "已核实", "verify-false" => "核实不属实", "merge" => "已合并", "reject" => "不予立案",
        "file" => "已立案", "dispatch" => "已派遣", "return" => "申请回退", "approve-return" => "已改派", "deny-return" => "回退被驳回",
        "request-extension" => "申请延期", "approve-extension" => "已延期", "deny-extension" => "延期被驳回", "request-shelve" => "申请挂账",
        "approve-shelve" => "已挂账", "deny-shelve" => "挂账被驳回", "restore" => "挂账恢复", "handle" => "已处置", "send-check" => "待核查",
        "check-pass" => "核查通过", "check-fail" => "核查未通过返工", "close" => "已结案", "self-handle" => "现场处置", "approve-self-handled" => "现场处置结案",
        "reject-self-handled" => "现场处置未通过", "void" => "已作废", "supervise" => "被督办",
        _ => action,
    };

    private static string ShortCommunity(string? name) => name?.Replace("社区居委会", "", StringComparison.Ordinal) ?? "";
}
