using CommandCenter.Domain.Duty;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Data.Duty;

/// <summary>Patrols and the roster as stored.</summary>
public static class PatrolQueries
{
    /// <summary>The patrol the user is on now (active or paused), if any: a case they report belongs to it.</summary>
    public static Task<Guid?> RunningPatrolOfAsync(this CommandCenterDb db, string userName, CancellationToken ct = default) =>
        db.Patrols.AsNoTracking().Where(p => p.UserName == userName && p.State != "ended")
            .OrderByDescending(p => p.StartedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>The road-director roster replayed from its stored changes.</summary>
    public static async Task<RoadDirectorRoster> RoadDirectorRosterAsync(this CommandCenterDb db, CancellationToken ct = default) =>
        new((await db.RosterChanges.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct)).Select(r => r.ToDomain()));
}
