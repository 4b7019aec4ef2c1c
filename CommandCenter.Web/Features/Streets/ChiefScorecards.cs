using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Evaluation;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Streets;

/// <summary>
/// 街长记分卡: how the cases linked to one street chief fared over a period — counts in SQL over the cases reported in
/// it, handling hours from the audit trail's dispatch and 处置反馈 instants on the working calendar.
/// </summary>
public sealed class ChiefScorecards(CommandCenterDb db, CaseRulesProvider rulesProvider, CityClock clock)
{
    private static readonly string[] Dispatches = ["dispatch", "approve-return"];

    public async Task<StreetChiefScorecard> ForAsync(string personId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var open = CaseStates.Open;
        var cases = db.Cases.AsNoTracking().Where(c => c.StreetChiefPersonId == personId && c.ReportedAt >= from && c.ReportedAt < to);
        var counts = await cases.GroupBy(_ => 1).Select(g => new
        {
            Cases = g.LongCount(),
            Closed = g.LongCount(c => c.State == CaseState.Closed),
            ClosedOnTime = g.LongCount(c => c.State == CaseState.Closed && c.HandlingOnTime == true),
            OverdueNow = g.LongCount(c => open.Contains(c.State) && c.StepDeadline != null && c.StepDeadline < now && c.ClockPausedAt == null),
            Repeats = g.LongCount(c => c.RelatedCaseId != null),
        }).SingleOrDefaultAsync(ct);

        // Handling time of each closed case: its first dispatch to its last 处置反馈, on the clock's working hours.
        var closedIds = cases.Where(c => c.State == CaseState.Closed).Select(c => c.Id);
        var spans = await db.CaseEvents.AsNoTracking().Where(e => closedIds.Contains(e.CaseId) && (Dispatches.Contains(e.Action) || e.Action == "handle"))
            .GroupBy(e => e.CaseId)
            .Select(g => new
            {
                Dispatched = g.Where(e => e.Action != "handle").Min(e => (DateTimeOffset?)e.At),
                Handled = g.Where(e => e.Action == "handle").Max(e => (DateTimeOffset?)e.At),
            }).ToListAsync(ct);
        var clockOfRules = (await rulesProvider.CurrentAsync(ct)).Clock;
        var hours = spans.Where(s => s.Dispatched is not null && s.Handled > s.Dispatched)
            .Sum(s => clockOfRules.Used(s.Dispatched!.Value, s.Handled!.Value, LimitUnit.WorkingHours));

        return new StreetChiefScorecard
        {
            Cases = counts?.Cases ?? 0, Closed = counts?.Closed ?? 0, ClosedOnTime = counts?.ClosedOnTime ?? 0,
            OverdueNow = counts?.OverdueNow ?? 0, Repeats = counts?.Repeats ?? 0, HandlingHours = Math.Round(hours, 2),
        };
    }
}
