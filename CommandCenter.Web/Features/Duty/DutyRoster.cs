using System.Data;
using System.Globalization;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Duty;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.City;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Duty;
using CommandCenter.Web.Live;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Duty;

/// <summary>
/// 马路局长值班表 in the product: a year's months and stand-ins with their history, and the admin's or a leader's edits
/// (plan a year, give a month to someone else, swap two months, a stand-in for a day). Each edit is replayed on the
/// stored history under a lock, saved with its change-log row, and refused with field messages when it cannot be made.
/// </summary>
public sealed class DutyRoster(CommandCenterDb db, CityClock clock, ChangeFollower follower)
{
    private const long EditLockKey = 20_261_209;

    /// <summary>A year of the roster as screens show it.</summary>
    public sealed record RosterView(int Year, IReadOnlyList<MonthView> Months, IReadOnlyList<StandInView> StandIns, IReadOnlyList<ChangeView> History);

    public sealed record MonthView(string Month, string PersonId, string Name);

    public sealed record StandInView(DateOnly Date, string PersonId, string Name);

    public sealed record ChangeView(string Kind, string Month, DateOnly? Day, string? Before, string? BeforeName, string? After, string? AfterName, string By, DateTimeOffset At);

    /// <summary>Who is road director on a local date: the person, and whether they stand in for the day.</summary>
    public sealed record OnDutyView(string PersonId, string Name, string? Phone, bool StandIn);

    /// <summary>The people who may be road director: the bureau leaders (road director and leader roles), by id.</summary>
    public static Task<List<PersonRow>> EligibleAsync(CommandCenterDb db, CancellationToken ct = default)
    {
        string[] roles = [Role.RoadDirector.Slug(), Role.Leader.Slug()];
        return db.People.AsNoTracking().Where(p => roles.Contains(p.Role)).OrderBy(p => p.Role == "roaddirector" ? 0 : 1).ThenBy(p => p.Id).ToListAsync(ct);
    }

    public async Task<RosterView> YearAsync(int year, CancellationToken ct = default)
    {
        var roster = await db.RoadDirectorRosterAsync(ct);
        var names = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        string Name(string? id) => id is null ? "" : names.GetValueOrDefault(id, id);
        return new RosterView(year,
            roster.Months.Where(m => m.Month.Year == year).Select(m => new MonthView(m.Month.ToString(), m.LeaderId, Name(m.LeaderId))).ToList(),
            roster.StandIns.Where(s => s.Key.Year == year).Select(s => new StandInView(s.Key, s.Value, Name(s.Value))).ToList(),
            roster.History.Where(h => h.Month.Year == year)
                .Select(h => new ChangeView(RosterChangeRow.SlugOf(h.Kind), h.Month.ToString(), h.Day, h.Before, h.Before is null ? null : Name(h.Before),
                    h.After, h.After is null ? null : Name(h.After), h.By, h.At)).ToList());
    }

    public async Task<OnDutyView?> OnDutyAsync(DateOnly date, CancellationToken ct = default)
    {
        if ((await db.RoadDirectorRosterAsync(ct)).OnDuty(date) is not { } duty)
        {
            return null;
        }
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == duty.PersonId, ct);
        return new OnDutyView(duty.PersonId, person?.Name ?? duty.PersonId, person?.Phone, duty.IsStandIn);
    }

    public Task<Refusal?> PlanAsync(int year, IReadOnlyList<string>? leaders, string? startWith, Actor actor, CancellationToken ct = default) =>
        EditAsync(actor, async (roster, now) =>
        {
            var order = leaders is { Count: > 0 } ? leaders : (await EligibleAsync(db, ct)).Select(p => p.Id).ToList();
            return roster.PlanYear(year, order, startWith, actor.UserName, now);
        }, [.. leaders ?? [], .. startWith is null ? Array.Empty<string>() : [startWith]], "leaders", ct);

    public Task<Refusal?> SetMonthAsync(string month, string? personId, Actor actor, CancellationToken ct = default) =>
        EditAsync(actor, (roster, now) => Task.FromResult(roster.SetMonth(month, personId ?? "", actor.UserName, now)), [personId], "personId", ct);

    public Task<Refusal?> SwapAsync(string? monthA, string? monthB, Actor actor, CancellationToken ct = default) =>
        EditAsync(actor, (roster, now) => Task.FromResult(roster.Swap(monthA ?? "", monthB ?? "", actor.UserName, now)), [], "", ct);

    public Task<Refusal?> StandInAsync(DateOnly date, string? personId, Actor actor, CancellationToken ct = default) =>
        EditAsync(actor, (roster, now) => Task.FromResult(roster.StandIn(date, personId ?? "", actor.UserName, now)), [personId], "personId", ct);

    public Task<Refusal?> RemoveStandInAsync(DateOnly date, Actor actor, CancellationToken ct = default) =>
        EditAsync(actor, (roster, now) => Task.FromResult(roster.RemoveStandIn(date, actor.UserName, now)), [], "", ct);

    /// <summary>
    /// Replays the stored roster under an advisory lock (edits queue), makes the edit and saves its changes with one
    /// change-log row each. People named must be bureau leaders.
    /// </summary>
    private async Task<Refusal?> EditAsync(Actor actor, Func<RoadDirectorRoster, DateTimeOffset, Task<RosterResult>> edit, string?[] people, string field,
        CancellationToken ct)
    {
        if (!(actor.Has(Role.Leader) || actor.Has(Role.Admin)))
        {
            return Refusal.Forbidden("OnlyLeadersEditRoster");
        }
        var eligible = (await EligibleAsync(db, ct)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var strangers = people.Where(p => p is { Length: > 0 } && !eligible.Contains(p)).ToList();
        if (strangers.Count > 0)
        {
            return Refusal.BadRequest([.. strangers.Select(p => new FieldError(field, "NotABureauLeader", p))]);
        }
        await using var tx = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({EditLockKey})", ct);
        var roster = await db.RoadDirectorRosterAsync(ct);
        var now = clock.UtcNow;
        var result = await edit(roster, now);
        if (!result.Succeeded)
        {
            return Refusal.BadRequest([.. result.Errors]);
        }
        ChangeRow? last = null;
        foreach (var change in result.Changes)
        {
            db.RosterChanges.Add(RosterChangeRow.From(change));
            var entity = change.Day is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : change.Month.ToString();
            last = db.Record(ChangeTopics.Roster, entity, RosterChangeRow.SlugOf(change.Kind), actor.UserName, now,
                change.Before is null ? null : new { personId = change.Before }, change.After is null ? null : new { personId = change.After });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (last is not null)
        {
            follower.Poke();
        }
        return null;
    }
}
