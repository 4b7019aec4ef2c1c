using CommandCenter.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Data.Kiosks;

/// <summary>Who is on duty at a kiosk now: the sign-in says who a person is, the duty table where they stand today.</summary>
public static class KioskDutyQueries
{
    /// <summary>The actor with the kiosk they are checked in at (none when they are not on duty), so kiosk staff alerts reach them.</summary>
    public static async Task<Actor> WithKioskDutyAsync(this CommandCenterDb db, Actor actor, CancellationToken ct = default)
    {
        var kiosk = await db.KioskDuties.AsNoTracking()
            .Where(d => d.UserName == actor.UserName && d.CheckedOutAt == null)
            .Select(d => d.KioskId).FirstOrDefaultAsync(ct);
        return actor.KioskId == kiosk ? actor : actor with { KioskId = kiosk };
    }
}
