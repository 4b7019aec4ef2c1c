using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Live;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Cases;

/// <summary>Reads cases for lists, queues, the case page and the live catch-up; every read is limited to the reader's <see cref="ReadScope"/>.</summary>
public sealed class CaseQueries(CommandCenterDb db, CaseRulesProvider rulesProvider, CityClock clock)
{

    /// <summary>A page of the cases the scope may read, newest first.</summary>
    public async Task<CasePage> ListAsync(CaseFilter filter, ReadScope scope, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var query = filter.Apply(db.Cases.AsNoTracking().VisibleTo(scope), now);
        var pageSize = Math.Clamp(filter.PageSize, 1, CaseFilter.MaxPageSize);
        var page = Math.Clamp(filter.Page, 1, CaseFilter.MaxPage);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Number)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var views = await SummariesAsync(items, now, ct);
        return new CasePage(views, total, page, pageSize);
    }

    /// <summary>The case page, or null when there is no such case or the reader may not read it.</summary>
    public async Task<CaseDetail?> DetailAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var c = await db.Cases.AsNoTracking().VisibleTo(ReadScope.For(actor)).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return null;
        }
        var now = clock.UtcNow;
        var rules = await rulesProvider.CurrentAsync(ct);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.Seq).ToListAsync(ct);
        var reading = c.ReadClock(rules.Clock, now);
        var allowed = CaseWorkflow.AllowedActions(c, actor, rules.For(c.CategoryCode), now);
        return new CaseDetail(
            (await SummariesAsync([c], now, ct))[0], c.Reporter, c.CommunityCode, c.SubdistrictCode, c.StreetName, c.StreetChief,
            reading is null ? null : new CaseClockView(c.ClockStep!.Value.Slug(), reading.StartedAt, reading.Deadline, reading.Limit.Value,
                TimeLimit.UnitSlug(reading.Limit.Unit), Math.Round(reading.Used, 3), Math.Round(reading.OvertimeMultiple, 3),
                reading.Level.ToString().ToLowerInvariant(), reading.IsOverdue, reading.IsPaused),
            c.HandlingOnTime, c.DispatchCount, c.ReturnCount, c.ReworkCount, c.ExtensionCount, c.PendingExtension, c.PendingVoid, c.MasterCaseId,
            c.RejectionReason, c.Resolution?.Slug(),
            events.Select(ToView).ToList(), allowed,
            allowed.Select(a => new AllowedAction(a, CaseActions.TryParse(a, out var action) ? CaseWorkflow.InputsOf(action) : [])).ToList());
    }

    /// <summary>
    /// Events after a sequence number that the scope may read, oldest first, for clients catching up after a reconnect:
    /// never past <paramref name="upTo"/> (what this instance's follower has handed on), so a commit still in flight is not skipped.
    /// </summary>
    public Task<List<CaseEventRow>> EventsAfterAsync(long after, int limit, ReadScope scope, long upTo, CancellationToken ct = default) =>
        db.CaseEvents.AsNoTracking().VisibleTo(scope).Where(e => e.Seq > after && e.Seq <= upTo).OrderBy(e => e.Seq)
            .Take(Math.Clamp(limit, 1, 5000)).ToListAsync(ct);

    /// <summary>The case with exactly this number, if the scope may read it.</summary>
    public async Task<Guid?> IdByNumberAsync(string number, ReadScope scope, CancellationToken ct = default) =>
        await db.Cases.AsNoTracking().VisibleTo(scope).Where(c => c.Number == number).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);

    public Task<List<DepartmentOption>> DepartmentsAsync(CancellationToken ct = default) =>
        db.Departments.AsNoTracking().OrderBy(d => d.Code).Select(d => new DepartmentOption(d.Code, d.Name)).ToListAsync(ct);

    public static CaseEventView ToView(CaseEventRow e) => new(
        e.Seq, e.Action, e.FromState, e.ToState, e.CategoryCode, e.Actor, e.ActorRole, e.At, e.Note, e.PhotoIds,
        e.Department, e.Step, e.Deadline, e.FinishedStep, e.FinishedDeadline, e.OnTime, e.ReminderAt);

    /// <summary>Rows as lists show them.</summary>
    public async Task<List<CaseSummary>> SummariesAsync(IReadOnlyList<Case> cases, DateTimeOffset now, CancellationToken ct)
    {
        var rules = await rulesProvider.CurrentAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        return cases.Select(c =>
        {
            var reading = c.ReadClock(rules.Clock, now);
            var category = rules.Categories.GetValueOrDefault(c.CategoryCode);
            return new CaseSummary(c.Id, c.Number, c.State.Slug(), c.State.StageOf().Slug(), c.CategoryCode, category?.DisplayName ?? c.CategoryCode,
                c.Source.Slug(), c.Description, c.Address, c.Location.X, c.Location.Y, c.GridCode, c.DutyGridCode, c.DepartmentCode,
                c.DepartmentCode is null ? null : departments.GetValueOrDefault(c.DepartmentCode), c.ReportedAt, c.UpdatedAt,
                c.StepDeadline, reading?.IsOverdue ?? false, reading?.Level.ToString().ToLowerInvariant(), c.SupervisionLevel, CaseFlags.Of(c, rules.Settings).Slugs, c.Version);
        }).ToList();
    }
}
