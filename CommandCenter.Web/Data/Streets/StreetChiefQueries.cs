using CommandCenter.Domain.Streets;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Data.Streets;

/// <summary>The street-chief roster as stored: the whole roster, or one street's chief at a moment.</summary>
public static class StreetChiefQueries
{
    /// <summary>Every assignment of every street, in the order recorded.</summary>
    public static async Task<StreetChiefRoster> StreetChiefRosterAsync(this CommandCenterDb db, CancellationToken ct = default) =>
        new((await db.StreetChiefAssignments.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct)).Select(a => a.ToDomain()));

    /// <summary>The chief in charge of a street at a local moment, or null before its first chief.</summary>
    public static async Task<StreetChiefAssignment?> StreetChiefAtAsync(this CommandCenterDb db, string streetId, DateTime local, CancellationToken ct = default)
    {
        var rows = await db.StreetChiefAssignments.AsNoTracking().Where(a => a.StreetId == streetId).OrderBy(a => a.Id).ToListAsync(ct);
        return new StreetChiefRoster(rows.Select(a => a.ToDomain())).ChiefAt(streetId, local);
    }
}
