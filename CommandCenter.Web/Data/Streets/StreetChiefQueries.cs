using CommandCenter.Domain.Streets;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Data.Streets;

/// <summary>The street-chief roster as stored: the whole roster.</summary>
public static class StreetChiefQueries
{
    /// <summary>Every assignment of every street, in the order recorded.</summary>
    public static async Task<StreetChiefRoster> StreetChiefRosterAsync(this CommandCenterDb db, CancellationToken ct = default) =>
        new((await db.StreetChiefAssignments.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct)).Select(a => a.ToDomain()));
}
