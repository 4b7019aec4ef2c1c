using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Evaluation;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static CommandCenter.Web.Features.Evaluation.EvaluationCountQueries;

namespace CommandCenter.Web.Features.Evaluation;

/// <summary>
/// 综合评价 of every scope (domain.md §6): the counts from <see cref="EvaluationCountQueries"/> put through the domain's
/// formulas with the admin's settings, as tables with every count, rate, the composite and the grade. Units with nothing
/// to evaluate are listed too, without a grade. Counts bands read counts per month (<see cref="EvaluationPeriod.BandMonths"/>).
/// </summary>
public sealed class EvaluationService(EvaluationCountQueries counts, EvaluationSettingsStore settingsStore, PracticeFigures practices, CityGeography city, CommandCenterDb db, CityClock clock)
{
    public static readonly IReadOnlyList<string> Scopes = ["departments", "subdistricts", "communities", "dutygrids", "grids", "positions", "chiefs"];

    private static readonly EvaluationColumn[] DepartmentColumns =
    [
        new("filed", ColumnKind.Count), new("due", ColumnKind.Count), new("handled", ColumnKind.Count), new("handledOnTime", ColumnKind.Count),
        new("closed", ColumnKind.Count), new("rework", ColumnKind.Count), new("filedBandPoints", ColumnKind.Points),
        new("closingRate", ColumnKind.Rate), new("onTimeHandlingRate", ColumnKind.Rate), new("reworkRate", ColumnKind.Rate),
    ];

    private static readonly EvaluationColumn[] RegionColumns =
    [
        new("filed", ColumnKind.Count), new("due", ColumnKind.Count), new("handled", ColumnKind.Count), new("handledOnTime", ColumnKind.Count),
        new("closed", ColumnKind.Count), new("closedOnTime", ColumnKind.Count), new("rework", ColumnKind.Count), new("areaKm2", ColumnKind.Number),
        new("handlingRate", ColumnKind.Rate), new("onTimeHandlingRate", ColumnKind.Rate), new("closingRate", ColumnKind.Rate),
        new("onTimeClosingRate", ColumnKind.Rate), new("reworkRate", ColumnKind.Rate), new("filingDensity", ColumnKind.Number), new("densityBandScore", ColumnKind.Points),
    ];

    private static readonly EvaluationColumn[] CollectorColumns =
    [
        new("reported", ColumnKind.Count), new("validReports", ColumnKind.Count), new("filed", ColumnKind.Count), new("missed", ColumnKind.Count),
        new("verifyTasks", ColumnKind.Count), new("verifiedOnTime", ColumnKind.Count), new("checkTasks", ColumnKind.Count), new("checkedOnTime", ColumnKind.Count),
        new("validReportRate", ColumnKind.Rate), new("missedReportRate", ColumnKind.Rate), new("onTimeVerifyRate", ColumnKind.Rate), new("onTimeCheckRate", ColumnKind.Rate),
    ];

    private static readonly EvaluationColumn[] IntakeColumns =
    [
        new("accepted", ColumnKind.Count), new("verifyDispatches", ColumnKind.Count), new("verifyDispatchedOnTime", ColumnKind.Count),
        new("checkDispatches", ColumnKind.Count), new("checkDispatchedOnTime", ColumnKind.Count), new("acceptedBandScore", ColumnKind.Points),
        new("onTimeVerifyDispatchRate", ColumnKind.Rate), new("onTimeCheckDispatchRate", ColumnKind.Rate),
    ];

    private static readonly EvaluationColumn[] ShiftLeadColumns =
    [
        new("filed", ColumnKind.Count), new("filedOnTime", ColumnKind.Count), new("voidedAfterFiling", ColumnKind.Count),
        new("closed", ColumnKind.Count), new("closedOnTime", ColumnKind.Count),
        new("onTimeFilingRate", ColumnKind.Rate), new("accurateFilingRate", ColumnKind.Rate), new("onTimeClosingRate", ColumnKind.Rate),
    ];

    private static readonly EvaluationColumn[] DispatcherColumns =
    [
        new("dispatched", ColumnKind.Count), new("due", ColumnKind.Count), new("dispatchedOnTime", ColumnKind.Count), new("misrouted", ColumnKind.Count),
        new("dispatchedBandScore", ColumnKind.Points), new("onTimeDispatchRate", ColumnKind.Rate), new("accurateDispatchRate", ColumnKind.Rate),
    ];

    private static readonly EvaluationColumn[] ChiefColumns =
    [
        new("cases", ColumnKind.Count), new("closed", ColumnKind.Count), new("closedOnTime", ColumnKind.Count), new("overdueNow", ColumnKind.Count),
        new("repeats", ColumnKind.Count), new("closingRate", ColumnKind.Rate), new("onTimeClosingRate", ColumnKind.Rate), new("overdueRate", ColumnKind.Rate),
        new("repeatRate", ColumnKind.Rate), new("averageHandlingHours", ColumnKind.Hours),
    ];

    /// <summary>The period's instants: its first local midnight up to the midnight after its last day.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Instants(EvaluationPeriod period) =>
        (clock.ToInstant(period.First.ToDateTime(TimeOnly.MinValue)), clock.ToInstant(period.End.ToDateTime(TimeOnly.MinValue)));

    /// <summary>The practices (721, funnel, 首违不罚, satisfaction, hours per step) over the instants, as of now.</summary>
    public Task<Practices> PracticesAsync(DateTimeOffset from, DateTimeOffset to, ReadScope reader, CancellationToken ct = default) =>
        practices.OfAsync(from, to, clock.UtcNow, reader, ct);

    /// <summary>The tables of a scope (one; four for positions: grid members, intake, shift leads, dispatchers), or null for an unknown scope.</summary>
    public async Task<IReadOnlyList<EvaluationTable>?> TablesAsync(string scope, EvaluationPeriod period, ReadScope reader, CancellationToken ct = default) => scope switch
    {
        "departments" => [await DepartmentsAsync(period, reader, ct)],
        "subdistricts" => [await RegionsAsync(RegionLevel.Subdistrict, period, reader, ct)],
        "communities" => [await RegionsAsync(RegionLevel.Community, period, reader, ct)],
        "dutygrids" => [await RegionsAsync(RegionLevel.DutyGrid, period, reader, ct)],
        "grids" => [await RegionsAsync(RegionLevel.Grid, period, reader, ct)],
        "positions" => await PositionsAsync(period, reader, ct),
        "chiefs" => [await ChiefsAsync(period, reader, ct)],
        _ => null,
    };

    public async Task<EvaluationTable> DepartmentsAsync(EvaluationPeriod period, ReadScope reader, CancellationToken ct = default)
    {
        var settings = await settingsStore.CurrentAsync(ct);
        var (from, to) = Instants(period);
        var found = await counts.DepartmentsAsync(from, to, clock.UtcNow, reader, ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        var rows = departments
            .Where(d => reader.DepartmentCode is null || reader.DepartmentCode == d.Code)
            .Select(d =>
            {
                var c = found.GetValueOrDefault(d.Code) ?? new DepartmentCounts { Filed = 0, Due = 0, Closed = 0, Handled = 0, HandledOnTime = 0, Rework = 0 };
                var e = DepartmentEvaluation.Of(c, settings, period.BandMonths);
                return Row(DepartmentColumns, d.Code, Localization.CultureSetup.IsChinese ? d.Name : d.NameEn, e.Composite,
                    c.Filed, c.Due, c.Handled, c.HandledOnTime, c.Closed, c.Rework, e.FiledBandPoints, e.ClosingRate, e.OnTimeHandlingRate, e.ReworkRate);
            });
        return Table("departments", period, DepartmentColumns, rows);
    }

    public async Task<EvaluationTable> RegionsAsync(RegionLevel level, EvaluationPeriod period, ReadScope reader, CancellationToken ct = default)
    {
        var settings = await settingsStore.CurrentAsync(ct);
        var (from, to) = Instants(period);
        var found = await counts.RegionsAsync(level, from, to, clock.UtcNow, reader, ct);
        var map = city.Index.City;
        Func<UnitGrid, string> keyOf = level switch
        {
            RegionLevel.Subdistrict => g => g.SubdistrictCode,
            RegionLevel.Community => g => g.CommunityCode,
            RegionLevel.DutyGrid => g => g.DutyGridCode,
            _ => g => g.Code,
        };
        var communities = map.Communities.ToDictionary(c => c.Code, c => c.Name.Replace("社区居委会", "社区", StringComparison.Ordinal), StringComparer.Ordinal);
        var names = level switch
        {
            RegionLevel.Subdistrict => map.Subdistricts.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal),
            RegionLevel.Community => communities,
            RegionLevel.DutyGrid => map.DutyGrids.ToDictionary(d => d.Code, d => $"{d.Name} · {d.MemberName}", StringComparer.Ordinal),
            _ => map.UnitGrids.ToDictionary(g => g.Code, g => $"{communities.GetValueOrDefault(g.CommunityCode)} {g.Code[12..]}", StringComparer.Ordinal),
        };
        var visibleGrids = map.UnitGrids.Where(g => reader.DutyGridCode is null || g.DutyGridCode == reader.DutyGridCode);
        var rows = visibleGrids.GroupBy(keyOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var area = g.Sum(x => x.AreaM2) / 1e6;
            var c = (found.GetValueOrDefault(g.Key) ?? new RegionCounts { Filed = 0, Due = 0, Handled = 0, HandledOnTime = 0, Closed = 0, ClosedOnTime = 0, Rework = 0, AreaKm2 = area })
                with { AreaKm2 = area };
            var e = RegionEvaluation.Of(c, settings, period.BandMonths);
            return Row(RegionColumns, g.Key, names.GetValueOrDefault(g.Key, g.Key), e.Composite,
                c.Filed, c.Due, c.Handled, c.HandledOnTime, c.Closed, c.ClosedOnTime, c.Rework, area,
                e.HandlingRate, e.OnTimeHandlingRate, e.ClosingRate, e.OnTimeClosingRate, e.ReworkRate, e.FilingDensity, e.DensityBandScore);
        });
        var scope = level switch
        {
            RegionLevel.Subdistrict => "subdistricts",
            RegionLevel.Community => "communities",
            RegionLevel.DutyGrid => "dutygrids",
            _ => "grids",
        };
        return Table(scope, period, RegionColumns, rows);
    }

    /// <summary>岗位评价: grid members (by duty grid), intake clerks, shift leaders and dispatchers, one table each.</summary>
    public async Task<IReadOnlyList<EvaluationTable>> PositionsAsync(EvaluationPeriod period, ReadScope reader, CancellationToken ct = default)
    {
        var settings = await settingsStore.CurrentAsync(ct);
        var (from, to) = Instants(period);
        var now = clock.UtcNow;
        var names = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName, u => u.DisplayName, ct);
        string Name(string user) => names.TryGetValue(user, out var n) ? $"{n} ({user})" : user;

        var collectors = await counts.CollectorsAsync(from, to, now, reader, ct);
        var collectorRows = city.Index.City.DutyGrids.Where(d => reader.DutyGridCode is null || d.Code == reader.DutyGridCode)
            .OrderBy(d => d.Code, StringComparer.Ordinal).Select(d =>
            {
                var c = collectors.GetValueOrDefault(d.Code) ?? new CollectorCounts
                {
                    Reported = 0, ValidReports = 0, Filed = 0, Missed = 0, VerifyTasks = 0, VerifiedOnTime = 0, CheckTasks = 0, CheckedOnTime = 0,
                };
                var e = CollectorEvaluation.Of(c, settings);
                return Row(CollectorColumns, d.Code, $"{d.MemberName} · {d.Name}", e.Composite,
                    c.Reported, c.ValidReports, c.Filed, c.Missed, c.VerifyTasks, c.VerifiedOnTime, c.CheckTasks, c.CheckedOnTime,
                    e.ValidReportRate, e.MissedReportRate, e.OnTimeVerifyRate, e.OnTimeCheckRate);
            });
        var intake = (await counts.IntakeAsync(from, to, now, reader, ct)).OrderBy(x => x.Key, StringComparer.Ordinal).Select(x =>
        {
            var (c, e) = (x.Value, IntakeEvaluation.Of(x.Value, settings, period.BandMonths));
            return Row(IntakeColumns, x.Key, Name(x.Key), e.Composite, c.Accepted, c.VerifyDispatches, c.VerifyDispatchedOnTime, c.CheckDispatches,
                c.CheckDispatchedOnTime, e.AcceptedBandScore, e.OnTimeVerifyDispatchRate, e.OnTimeCheckDispatchRate);
        });
        var leads = (await counts.ShiftLeadsAsync(from, to, now, reader, ct)).OrderBy(x => x.Key, StringComparer.Ordinal).Select(x =>
        {
            var (c, e) = (x.Value, ShiftLeadEvaluation.Of(x.Value, settings));
            return Row(ShiftLeadColumns, x.Key, Name(x.Key), e.Composite, c.Filed, c.FiledOnTime, c.VoidedAfterFiling, c.Closed, c.ClosedOnTime,
                e.OnTimeFilingRate, e.AccurateFilingRate, e.OnTimeClosingRate);
        });
        var dispatchers = (await counts.DispatchersAsync(from, to, now, reader, ct)).OrderBy(x => x.Key, StringComparer.Ordinal).Select(x =>
        {
            var (c, e) = (x.Value, DispatcherEvaluation.Of(x.Value, settings, period.BandMonths));
            return Row(DispatcherColumns, x.Key, Name(x.Key), e.Composite, c.Dispatched, c.Due, c.DispatchedOnTime, c.Misrouted,
                e.DispatchedBandScore, e.OnTimeDispatchRate, e.AccurateDispatchRate);
        });
        return
        [
            Table("gridmember", period, CollectorColumns, collectorRows),
            Table("intake", period, IntakeColumns, intake),
            Table("shiftlead", period, ShiftLeadColumns, leads),
            Table("dispatcher", period, DispatcherColumns, dispatchers),
        ];
    }

    /// <summary>街长记分卡: shown, not graded (domain.md §7.1).</summary>
    public async Task<EvaluationTable> ChiefsAsync(EvaluationPeriod period, ReadScope reader, CancellationToken ct = default)
    {
        var (from, to) = Instants(period);
        var found = await counts.ChiefsAsync(from, to, clock.UtcNow, reader, ct);
        var chiefs = city.Index.City.Streets.GroupBy(s => s.ChiefId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => $"{g.First().ChiefName} · {string.Join("、", g.Select(s => s.Name).Distinct())}", StringComparer.Ordinal);
        var rows = found.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x =>
        {
            var s = x.Value;
            return Row(ChiefColumns, x.Key, chiefs.GetValueOrDefault(x.Key, x.Key), null,
                s.Cases, s.Closed, s.ClosedOnTime, s.OverdueNow, s.Repeats, s.ClosingRate, s.OnTimeClosingRate, s.OverdueRate, s.RepeatRate, s.AverageHandlingHours);
        });
        return new EvaluationTable("chiefs", period, ChiefColumns, rows.OrderByDescending(r => r.Values["cases"]).ThenBy(r => r.Code, StringComparer.Ordinal).ToList(), Graded: false);
    }

    /// <summary>红黑榜 of a graded table with the admin's list size (domain.md §6.2).</summary>
    public async Task<RedBlackList> RedBlackAsync(EvaluationTable table, CancellationToken ct = default)
    {
        var settings = await settingsStore.CurrentAsync(ct);
        return RedBlackList.Of(table.Rows.Select(r => new UnitScore(r.Code, r.Composite is { } v && r.Grade is { } g ? new Score(v, g) : null)), settings.RedBlackListSize);
    }

    /// <summary>
    /// The monthly 红黑榜 of departments and of 街道 (domain.md §6.2), with the units' names. A month that is over is
    /// published: the city-wide lists are frozen (<c>red_black_snapshots</c>) the first time they are read after it and
    /// shown as frozen from then on, whatever is corrected in its cases later; names are looked up afresh (the reader's
    /// language). A reader with a narrower scope, or a month still running, gets the lists computed now.
    /// </summary>
    public async Task<IReadOnlyList<RedBlackBoard>> RedBlackBoardsAsync(EvaluationPeriod period, ReadScope reader, CancellationToken ct = default)
    {
        var publish = period.Kind == EvaluationPeriodKind.Month && reader.IsCityWide && period.End <= DateOnly.FromDateTime(clock.LocalNow);
        if (publish && await PublishedBoardsAsync(period, ct) is { } published)
        {
            return published;
        }
        var boards = new List<RedBlackBoard>();
        foreach (var table in new[] { await DepartmentsAsync(period, reader, ct), await RegionsAsync(RegionLevel.Subdistrict, period, reader, ct) })
        {
            var list = await RedBlackAsync(table, ct);
            var rows = table.Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
            RedBlackEntry Entry(RankedUnit u) => new(u.Rank, u.Code, rows[u.Code].Name, rows[u.Code].Composite ?? Math.Round(u.Score.Value, 2), u.Score.Grade);
            boards.Add(new RedBlackBoard(table.Scope, period, list.Red.Select(Entry).ToList(), list.Black.Select(Entry).ToList(), list.NotEvaluated));
        }
        if (!publish)
        {
            return boards;
        }
        // Two readers may freeze the same month at once: the first insert wins and both show what was stored.
        foreach (var board in boards)
        {
            var json = JsonSerializer.Serialize(new FrozenBoard(board.Red, board.Black, board.NotEvaluated));
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO red_black_snapshots (month, scope, frozen_at, board) VALUES ({period.First}, {board.Scope}, {clock.UtcNow}, {json}::jsonb) ON CONFLICT DO NOTHING", ct);
        }
        return await PublishedBoardsAsync(period, ct) ?? boards;
    }

    private sealed record FrozenBoard(IReadOnlyList<RedBlackEntry> Red, IReadOnlyList<RedBlackEntry> Black, IReadOnlyList<string> NotEvaluated);

    private async Task<IReadOnlyList<RedBlackBoard>?> PublishedBoardsAsync(EvaluationPeriod period, CancellationToken ct)
    {
        var rows = await db.RedBlackSnapshots.AsNoTracking().Where(s => s.Month == period.First).ToListAsync(ct);
        if (rows.Count < 2)
        {
            return null;
        }
        var departments = (await db.Departments.AsNoTracking().ToListAsync(ct))
            .ToDictionary(d => d.Code, d => Localization.CultureSetup.IsChinese ? d.Name : d.NameEn, StringComparer.Ordinal);
        var subdistricts = city.Index.City.Subdistricts.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        return rows.OrderBy(r => r.Scope == "departments" ? 0 : 1).Select(r =>
        {
            var names = r.Scope == "departments" ? departments : subdistricts;
            var frozen = JsonSerializer.Deserialize<FrozenBoard>(r.Board)!;
            RedBlackEntry Named(RedBlackEntry e) => e with { Name = names.GetValueOrDefault(e.Code, e.Name) };
            return new RedBlackBoard(r.Scope, period, frozen.Red.Select(Named).ToList(), frozen.Black.Select(Named).ToList(), frozen.NotEvaluated);
        }).ToList();
    }

    private static EvaluationRow Row(EvaluationColumn[] columns, string code, string name, Score? composite, params double?[] values)
    {
        var rounded = new Dictionary<string, double?>(columns.Length, StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            rounded[columns[i].Key] = columns[i].Round(values[i]);
        }
        return new EvaluationRow(code, name, rounded, composite is null ? null : Math.Round(composite.Value, 2), composite?.Grade);
    }

    /// <summary>Best first; units without a grade last, by code.</summary>
    private static EvaluationTable Table(string scope, EvaluationPeriod period, EvaluationColumn[] columns, IEnumerable<EvaluationRow> rows) =>
        new(scope, period, columns, rows.OrderBy(r => r.Composite is null ? 1 : 0).ThenByDescending(r => r.Composite ?? 0).ThenBy(r => r.Code, StringComparer.Ordinal).ToList());
}
