using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Streets;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.Streets;
using CommandCenter.Web.Live;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Streets;

/// <summary>
/// 街巷长制 in the product: streets with their chiefs now and in the past, open cases per street, and the leader's or
/// admin's (re)assignment of a chief from a date, saved with its change-log row. The street's stored chief (what the map
/// layer and the location lookup show) follows the roster as each assignment's date comes.
/// </summary>
public sealed class StreetDirectory(CommandCenterDb db, CityClock clock, CityGeography city, ChangeFollower follower)
{
    private static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(10);

    /// <summary>Streets whose name or id contains <paramref name="q"/> (all when empty), by id.</summary>
    public async Task<List<StreetSummary>> ListAsync(string? q, ReadScope scope, CancellationToken ct = default)
    {
        var streets = db.Streets.AsNoTracking();
        if (q?.Trim() is { Length: > 0 } text)
        {
            streets = streets.Where(s => s.Name.Contains(text) || s.Id == text);
        }
        var rows = await streets.OrderBy(s => s.Id).Select(s => new { s.Id, s.Name, s.Level, s.RoadClass, s.LengthM }).ToListAsync(ct);
        var roster = await db.StreetChiefRosterAsync(ct);
        var counts = await OpenCountsAsync(scope, rows.Count == 1 ? rows[0].Id : null, ct);
        var names = await NamesAsync(ct);
        var local = clock.LocalNow;
        return rows.Select(s =>
        {
            var chief = roster.ChiefAt(s.Id, local);
            var (open, overdue) = counts.GetValueOrDefault(s.Id);
            return new StreetSummary(s.Id, s.Name, chief is null ? StreetChiefAssignmentRow.SlugOfImported(s.Level) : StreetChiefAssignmentRow.SlugOf(chief.Level),
                s.RoadClass, s.LengthM, SubdistrictOf(s.Id), chief is null ? null : View(chief, Since(roster, chief), names), open, overdue);
        }).ToList();
    }

    public async Task<StreetSummary?> FindAsync(string id, ReadScope scope, CancellationToken ct = default) =>
        await db.Streets.AnyAsync(s => s.Id == id, ct) ? (await ListAsync(id, scope, ct)).FirstOrDefault(s => s.Id == id) : null;

    /// <summary>Every assignment of the street, oldest first; null when there is no such street.</summary>
    public async Task<List<ChiefView>?> HistoryAsync(string id, CancellationToken ct = default)
    {
        if (!await db.Streets.AnyAsync(s => s.Id == id, ct))
        {
            return null;
        }
        var roster = await db.StreetChiefRosterAsync(ct);
        var names = await NamesAsync(ct);
        return roster.History(id).Select(a => View(a, a.EffectiveFrom, names)).ToList();
    }

    /// <summary>The streets a person is chief of now (a chief's own queue and checklist).</summary>
    public async Task<List<StreetSummary>> StreetsOfChiefAsync(string personId, ReadScope scope, CancellationToken ct = default)
    {
        var roster = await db.StreetChiefRosterAsync(ct);
        var local = clock.LocalNow;
        var ids = roster.StreetIds.Where(id => roster.ChiefAt(id, local)?.PersonId == personId).ToHashSet(StringComparer.Ordinal);
        return (await ListAsync(null, scope, ct)).Where(s => ids.Contains(s.Id)).ToList();
    }

    /// <summary>Puts a person in charge of a street from a date; the refusal, or the new assignment. Leaders and admins only.</summary>
    public async Task<(Refusal? Refused, ChiefView? Assigned)> AssignAsync(string streetId, AssignChiefRequest request, Actor actor, CancellationToken ct = default)
    {
        if (!(actor.Has(Role.Leader) || actor.Has(Role.Admin)))
        {
            return (Refusal.Forbidden("OnlyLeadersAssignChiefs"), null);
        }
        var street = await db.Streets.SingleOrDefaultAsync(s => s.Id == streetId, ct);
        if (street is null)
        {
            return (Refusal.NotFound("NoSuchStreet", streetId), null);
        }
        var now = clock.UtcNow;
        var today = DateOnly.FromDateTime(clock.ToLocal(now));
        var roster = await db.StreetChiefRosterAsync(ct);
        var current = roster.ChiefAt(streetId, clock.ToLocal(now)) ?? roster.History(streetId).LastOrDefault();
        var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);

        var errors = new List<FieldError>();
        if (request.PersonId is { Length: > 0 } pid && !people.ContainsKey(pid))
        {
            errors.Add(new FieldError("personId", "PersonUnknown", pid));
        }
        if (request.From is not { } from)
        {
            errors.Add(new FieldError("from", "Required"));
        }
        else if (from < today)
        {
            errors.Add(new FieldError("from", "EffectiveDateInPast", today.ToString("yyyy-MM-dd")));
        }
        if (request.Level is { Length: > 0 } levelSlug && levelSlug is not ("street" or "lane"))
        {
            errors.Add(new FieldError("level", "UnknownStreetChiefLevel"));
        }
        if (request.SupervisorPersonId is { Length: > 0 } sup && !people.ContainsKey(sup))
        {
            errors.Add(new FieldError("supervisorPersonId", "PersonUnknown", sup));
        }
        var deputies = request.DeputyPersonIds ?? current?.DeputyPersonIds.ToArray() ?? [];
        for (var i = 0; i < deputies.Length; i++)
        {
            if (deputies[i] is { Length: > 0 } d && !people.ContainsKey(d))
            {
                errors.Add(new FieldError($"deputyPersonIds[{i}]", "PersonUnknown", d));
            }
        }
        var roadLevel = (RoadChiefLevel)(request.RoadChiefLevel ?? (int?)current?.RoadChiefLevel ?? (int)RoadChiefLevel.Patroller);
        var person = request.PersonId is { } p ? people.GetValueOrDefault(p) : null;
        var next = new StreetChiefAssignment
        {
            StreetId = streetId, PersonId = request.PersonId ?? "", PersonName = person?.Name ?? "", Phone = person?.Phone ?? "",
            Level = request.Level is { Length: > 0 } l ? StreetChiefAssignmentRow.LevelOf(l) : current?.Level ?? StreetChiefAssignmentRow.LevelOf(StreetChiefAssignmentRow.SlugOfImported(street.Level)),
            RoadChiefLevel = roadLevel,
            // An area chief has nobody above; otherwise the one above stays unless another is named.
            SupervisorPersonId = request.SupervisorPersonId is { Length: > 0 } named ? named
                : roadLevel == RoadChiefLevel.AreaChief ? null : current?.SupervisorPersonId,
            DeputyPersonIds = deputies, EffectiveFrom = request.From ?? today, AssignedBy = actor.UserName, AssignedAt = now,
        };
        errors.AddRange(roster.Validate(next).Where(e => !errors.Any(x => x.Field == e.Field)));
        if (errors.Count > 0)
        {
            return (Refusal.BadRequest([.. errors]), null);
        }

        var names = people.ToDictionary(x => x.Key, x => x.Value.Name);
        db.StreetChiefAssignments.Add(StreetChiefAssignmentRow.From(next));
        if (next.EffectiveFrom <= today)
        {
            SetStreetChief(street, next);
        }
        var change = db.Record(ChangeTopics.StreetChief, streetId, "assigned", actor.UserName, now,
            current is null ? null : View(current, current.EffectiveFrom, names), View(next, next.EffectiveFrom, names));
        await db.SaveChangesAsync(ct);
        follower.Poke();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReloadWait);
        await follower.WaitForChangeAsync(change.Seq, timeout.Token);
        return (null, View(next, next.EffectiveFrom, names));
    }

    /// <summary>
    /// Brings each street's stored chief up to the roster's chief of today (an assignment whose date has come); returns
    /// how many changed. The escalation watcher calls it as the days pass.
    /// </summary>
    public async Task<int> FollowRosterAsync(CancellationToken ct = default)
    {
        var roster = await db.StreetChiefRosterAsync(ct);
        var now = clock.UtcNow;
        var local = clock.ToLocal(now);
        var changed = 0;
        foreach (var street in await db.Streets.ToListAsync(ct))
        {
            if (roster.ChiefAt(street.Id, local) is { } chief && chief.PersonId != street.ChiefId)
            {
                var before = new { personId = street.ChiefId, name = street.ChiefName };
                SetStreetChief(street, chief);
                db.Record(ChangeTopics.StreetChief, street.Id, "took-charge", "system", now, before, new { personId = chief.PersonId, name = chief.PersonName });
                changed++;
            }
        }
        if (changed > 0)
        {
            await db.SaveChangesAsync(ct);
            follower.Poke();
        }
        return changed;
    }

    private static void SetStreetChief(Data.City.StreetRow street, StreetChiefAssignment chief)
    {
        street.ChiefId = chief.PersonId;
        street.ChiefName = chief.PersonName;
        street.ChiefPhone = chief.Phone;
        street.Level = chief.Level == StreetChiefLevel.Lane ? "巷长" : "街长";
    }

    /// <summary>Open and overdue cases per street that the scope may read (one street, or all).</summary>
    private async Task<Dictionary<string, (int Open, int Overdue)>> OpenCountsAsync(ReadScope scope, string? streetId, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var open = CaseStates.Open;
        var cases = db.Cases.AsNoTracking().VisibleTo(scope).Where(c => c.StreetId != null && open.Contains(c.State));
        if (streetId is not null)
        {
            cases = cases.Where(c => c.StreetId == streetId);
        }
        return (await cases.GroupBy(c => c.StreetId!)
                .Select(g => new { Id = g.Key, Open = g.Count(), Overdue = g.Count(c => c.StepDeadline != null && c.StepDeadline < now && c.ClockPausedAt == null) })
                .ToListAsync(ct))
            .ToDictionary(x => x.Id, x => (x.Open, x.Overdue), StringComparer.Ordinal);
    }

    private Task<Dictionary<string, string>> NamesAsync(CancellationToken ct) => db.People.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);

    private string? SubdistrictOf(string streetId) =>
        city.IsLoaded && city.Index.City.Streets.FirstOrDefault(s => s.Id == streetId) is { } s && city.Index.GridAt(s.Line.InteriorPoint) is { } grid
            ? grid.SubdistrictCode : null;

    /// <summary>The date the person took charge without a break: back over consecutive assignments of the same person.</summary>
    private static DateOnly Since(StreetChiefRoster roster, StreetChiefAssignment current)
    {
        var since = current.EffectiveFrom;
        foreach (var a in roster.History(current.StreetId).Reverse().SkipWhile(a => a.EffectiveFrom > current.EffectiveFrom))
        {
            if (a.PersonId != current.PersonId)
            {
                break;
            }
            since = a.EffectiveFrom;
        }
        return since;
    }

    private static ChiefView View(StreetChiefAssignment a, DateOnly since, IReadOnlyDictionary<string, string> names) => new(
        a.PersonId, a.PersonName, a.Phone, since, StreetChiefAssignmentRow.SlugOf(a.Level), (int)a.RoadChiefLevel,
        a.SupervisorPersonId is { } s ? new PersonRef(s, names.GetValueOrDefault(s, s)) : null,
        a.DeputyPersonIds.Select(d => new PersonRef(d, names.GetValueOrDefault(d, d))).ToList(), a.AssignedBy, a.AssignedAt);
}
