using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Duty;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;

namespace CommandCenter.Web.Features.Duty;

/// <summary>Patrols as GeoJSON features: the track (LineString, or MultiLineString across pauses) and the figures of the patrol.</summary>
public sealed class PatrolViews(CommandCenterDb db, PatrolService patrols, CityClock clock)
{
    public async Task<Feature> FeatureAsync(PatrolRow row, CancellationToken ct = default)
    {
        var session = await patrols.SessionAsync(row, ct);
        var found = await db.Cases.AsNoTracking().Where(c => c.PatrolId == row.Id).Select(c => c.Id).ToListAsync(ct);
        var fixedOnSpot = await db.CaseEvents.AsNoTracking().Where(e => found.Contains(e.CaseId) && e.Action == "self-handle").Select(e => e.CaseId).Distinct().CountAsync(ct);
        var end = row.EndedAt ?? clock.UtcNow;
        var users = await db.Users.AsNoTracking().Where(u => u.PersonId == row.PersonId).Select(u => u.UserName).ToListAsync(ct);
        var supervised = await db.CaseEvents.AsNoTracking().Where(e => e.Action == "supervise" && users.Contains(e.Actor) && e.At >= row.StartedAt && e.At <= end)
            .Select(e => e.CaseId).Distinct().CountAsync(ct);
        return new Feature(PatrolService.Track(session), new AttributesTable
        {
            { "id", row.Id.ToString() }, { "personId", row.PersonId }, { "person", row.PersonName }, { "state", row.State },
            { "startedAt", row.StartedAt }, { "endedAt", row.EndedAt }, { "distanceM", Math.Round(session.DistanceMetres, 1) },
            { "minutes", Math.Round(session.ActiveTime(end).TotalMinutes, 1) }, { "points", row.AcceptedPoints },
            { "droppedPoints", row.DroppedPoints }, { "dropped", row.Dropped() }, { "found", found.Count }, { "fixedOnSpot", fixedOnSpot },
            { "supervised", supervised },
        });
    }

    /// <summary>Every patrol running now, with its track so far.</summary>
    public async Task<FeatureCollection> RunningAsync(CancellationToken ct = default)
    {
        var fc = new FeatureCollection();
        foreach (var row in await db.Patrols.AsNoTracking().Where(p => p.State != "ended").OrderBy(p => p.StartedAt).ToListAsync(ct))
        {
            fc.Add(await FeatureAsync(row, ct));
        }
        return fc;
    }

    /// <summary>A director's patrols started on the local days from <paramref name="from"/> to <paramref name="to"/>, newest first.</summary>
    public async Task<FeatureCollection> OfPersonAsync(string personId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var start = clock.ToInstant(from.ToDateTime(TimeOnly.MinValue));
        var end = clock.ToInstant(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var fc = new FeatureCollection();
        foreach (var row in await db.Patrols.AsNoTracking().Where(p => p.PersonId == personId && p.StartedAt >= start && p.StartedAt < end)
                     .OrderByDescending(p => p.StartedAt).Take(200).ToListAsync(ct))
        {
            fc.Add(await FeatureAsync(row, ct));
        }
        return fc;
    }
}
