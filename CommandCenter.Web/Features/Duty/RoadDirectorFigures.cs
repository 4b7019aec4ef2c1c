using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Duty;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Duty;

/// <summary>
/// 马路局长日志: a director's patrols of a local day and what came of them — distance (from the tracks), time on patrol
/// (less pauses), problems found on patrol, of them fixed on the spot, and cases they put under 督办 that day.
/// </summary>
public sealed class RoadDirectorFigures(CommandCenterDb db, CityClock clock, DutyRoster roster)
{
    /// <summary>One day's figures of one director.</summary>
    public sealed record DayFigures(double DistanceM, int Minutes, int Found, int FixedOnSpot, int Supervised, int Patrols);

    /// <summary>Today's (or that date's) road director and their figures, as the wall and the map header show them.</summary>
    public sealed record OnDutyFigures(DateOnly Date, DutyRoster.OnDutyView? Person, DayFigures Patrol);

    public async Task<OnDutyFigures> OnDutyAsync(DateOnly date, CancellationToken ct = default)
    {
        var person = await roster.OnDutyAsync(date, ct);
        return new OnDutyFigures(date, person, person is null ? new DayFigures(0, 0, 0, 0, 0, 0) : await DayAsync(person.PersonId, date, ct));
    }

    public async Task<DayFigures> DayAsync(string personId, DateOnly date, CancellationToken ct = default)
    {
        var (from, to) = (clock.ToInstant(date.ToDateTime(TimeOnly.MinValue)), clock.ToInstant(date.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var days = await DaysAsync(personId, from, to, ct);
        return days.GetValueOrDefault(date) ?? new DayFigures(0, 0, 0, 0, 0, 0);
    }

    /// <summary>Figures per local day in [from, to) of one director: the daily patrol log.</summary>
    public async Task<Dictionary<DateOnly, DayFigures>> DaysAsync(string personId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var patrols = await db.Patrols.AsNoTracking().Where(p => p.PersonId == personId && p.StartedAt >= from && p.StartedAt < to).ToListAsync(ct);
        var patrolIds = patrols.Select(p => p.Id).ToList();
        var found = await db.Cases.AsNoTracking().Where(c => c.PatrolId != null && patrolIds.Contains(c.PatrolId.Value))
            .Select(c => new { c.Id, PatrolId = c.PatrolId!.Value }).ToListAsync(ct);
        var foundIds = found.Select(c => c.Id).ToList();
        var fixedIds = (await db.CaseEvents.AsNoTracking().Where(e => foundIds.Contains(e.CaseId) && e.Action == "self-handle")
            .Select(e => e.CaseId).Distinct().ToListAsync(ct)).ToHashSet();
        var users = await db.Users.AsNoTracking().Where(u => u.PersonId == personId).Select(u => u.UserName).ToListAsync(ct);
        var supervised = await db.CaseEvents.AsNoTracking().Where(e => e.Action == "supervise" && users.Contains(e.Actor) && e.At >= from && e.At < to)
            .Select(e => new { e.CaseId, e.At }).ToListAsync(ct);

        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(clock.ToLocal(at));
        var result = new Dictionary<DateOnly, DayFigures>();
        foreach (var day in patrols.Select(p => Day(p.StartedAt)).Concat(supervised.Select(s => Day(s.At))).Distinct())
        {
            var ofDay = patrols.Where(p => Day(p.StartedAt) == day).ToList();
            var ids = ofDay.Select(p => p.Id).ToHashSet();
            var foundOfDay = found.Where(c => ids.Contains(c.PatrolId)).Select(c => c.Id).ToList();
            var minutes = ofDay.Sum(p => Domain.Duty.PatrolSession.Restore(p.Events(), []).ActiveTime(p.EndedAt ?? now).TotalMinutes);
            result[day] = new DayFigures(
                Math.Round(ofDay.Sum(p => p.DistanceM), 1), (int)Math.Round(minutes), foundOfDay.Count, foundOfDay.Count(fixedIds.Contains),
                supervised.Where(s => Day(s.At) == day).Select(s => s.CaseId).Distinct().Count(), ofDay.Count);
        }
        return result;
    }
}
