using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Cases;

/// <summary>Reads cases for lists, queues, the case page and the live catch-up.</summary>
public sealed class CaseQueries(CommandCenterDb db, CaseRulesProvider rulesProvider, CityClock clock)
{
    /// <summary>A page of cases; with a <paramref name="reader"/>, only the cases that person may read.</summary>
    public async Task<CasePage> ListAsync(CaseFilter filter, CancellationToken ct = default, Actor? reader = null)
    {
        var now = clock.UtcNow;
        var query = db.Cases.AsNoTracking();
        if (reader is not null)
        {
            var (dutyGridLimit, departmentLimit) = CaseVisibility.LimitsFor(reader);
            if (dutyGridLimit is not null)
            {
                query = query.Where(c => c.DutyGridCode == dutyGridLimit);
            }
            if (departmentLimit is not null)
            {
                query = query.Where(c => c.DepartmentCode == departmentLimit);
            }
        }
        if (filter.Status is { Length: > 0 })
        {
            var states = filter.Status.Select(s => CaseStates.TryParse(s, out var st) ? (CaseState?)st : null).Where(s => s is not null).Select(s => s!.Value).ToList();
            query = query.Where(c => states.Contains(c.State));
        }
        if (filter.Category is { Length: > 0 } category)
        {
            query = query.Where(c => c.CategoryCode.StartsWith(category));
        }
        if (filter.Source is { Length: > 0 } && CaseSources.TryParse(filter.Source, out var source))
        {
            query = query.Where(c => c.Source == source);
        }
        if (filter.Grid is { Length: > 0 } grid)
        {
            query = query.Where(c => c.GridCode.StartsWith(grid));
        }
        if (filter.DutyGrid is { Length: > 0 } dutyGrid)
        {
            query = query.Where(c => c.DutyGridCode == dutyGrid);
        }
        if (filter.Department is { Length: > 0 } department)
        {
            query = query.Where(c => c.DepartmentCode == department);
        }
        if (filter.Overdue is { } overdue)
        {
            query = overdue
                ? query.Where(c => c.StepDeadline != null && c.StepDeadline < now && c.ClockPausedAt == null)
                : query.Where(c => c.StepDeadline == null || c.StepDeadline >= now || c.ClockPausedAt != null);
        }
        if (filter.Q is { Length: > 0 } q)
        {
            query = query.Where(c => c.Number.Contains(q.Trim()));
        }
        var pageSize = Math.Clamp(filter.PageSize, 1, 500);
        var page = Math.Max(1, filter.Page);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.ReportedAt).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var views = await SummariesAsync(items, now, ct);
        return new CasePage(views, total, page, pageSize);
    }

    public async Task<CaseDetail?> DetailAsync(Guid id, Actor? actor, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || (actor is not null && !actor.CanRead(c)))
        {
            return null;
        }
        var now = clock.UtcNow;
        var rules = await rulesProvider.CurrentAsync(ct);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Seq).ToListAsync(ct);
        var reading = c.ReadClock(rules.Clock, now);
        return new CaseDetail(
            (await SummariesAsync([c], now, ct))[0], c.Reporter, c.CommunityCode, c.SubdistrictCode, c.StreetName, c.StreetChief,
            reading is null ? null : new CaseClockView(c.ClockStep!, reading.StartedAt, reading.Deadline, reading.Limit.Value,
                TimeLimit.UnitSlug(reading.Limit.Unit), Math.Round(reading.Used, 3), Math.Round(reading.OvertimeMultiple, 3),
                reading.Level.ToString().ToLowerInvariant(), reading.IsOverdue, reading.IsPaused),
            c.HandlingOnTime, c.DispatchCount, c.ReturnCount, c.ReworkCount, c.ExtensionCount, c.PendingExtension, c.MasterCaseId,
            c.RejectionReason, c.Resolution,
            events.Select(ToView).ToList(),
            actor is null ? [] : CaseWorkflow.AllowedActions(c, actor, now));
    }

    /// <summary>Events after a sequence number, oldest first, for clients catching up after a reconnect.</summary>
    public Task<List<CaseEventRow>> EventsAfterAsync(long after, int limit, CancellationToken ct = default) =>
        db.CaseEvents.AsNoTracking().Where(e => e.Seq > after).OrderBy(e => e.Seq).Take(Math.Clamp(limit, 1, 5000)).ToListAsync(ct);

    /// <summary>The case with exactly this number, if any.</summary>
    public async Task<Guid?> IdByNumberAsync(string number, CancellationToken ct = default) =>
        await db.Cases.AsNoTracking().Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);

    public Task<List<DepartmentOption>> DepartmentsAsync(CancellationToken ct = default) =>
        db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new DepartmentOption(d.Code, d.Name)).ToListAsync(ct);

    public static CaseEventView ToView(CaseEventRow e) => new(
        e.Seq, e.Action, CaseActions.TryParse(e.Action, out var a) ? a.NameZh() : e.Action, e.FromState, e.ToState,
        CaseStates.TryParse(e.ToState, out var s) ? s.NameZh() : e.ToState, e.Actor, e.ActorRole, e.At, e.Note, e.PhotoIds,
        e.Department, e.Deadline, e.OnTime);

    private async Task<List<CaseSummary>> SummariesAsync(IReadOnlyList<Case> cases, DateTimeOffset now, CancellationToken ct)
    {
        var rules = await rulesProvider.CurrentAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return cases.Select(c =>
        {
            var reading = c.ReadClock(rules.Clock, now);
            var category = rules.Categories.GetValueOrDefault(c.CategoryCode);
            return new CaseSummary(c.Id, c.Number, c.State.Slug(), c.State.NameZh(), c.CategoryCode, category?.Name ?? c.CategoryCode,
                c.Source.Slug(), c.Description, c.Address, c.Location.X, c.Location.Y, c.GridCode, c.DutyGridCode, c.DepartmentCode,
                c.DepartmentCode is null ? null : departments.GetValueOrDefault(c.DepartmentCode), c.ReportedAt, c.UpdatedAt,
                c.StepDeadline, reading?.IsOverdue ?? false, reading?.Level.ToString().ToLowerInvariant(), c.SupervisionLevel, c.Version);
        }).ToList();
    }
}
