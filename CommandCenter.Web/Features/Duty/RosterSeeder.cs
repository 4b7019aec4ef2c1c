using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Duty;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Duty;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Duty;

/// <summary>
/// Plans this year and the next of the road-director roster from the demo city's bureau leaders (the people of the
/// road director and leader roles, in turn), so that this month's road director is the first road director.
/// Runs once, when the roster is empty.
/// </summary>
public sealed class RosterSeeder(CommandCenterDb db, CityClock clock, ILogger<RosterSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.RosterChanges.AnyAsync(ct))
        {
            return;
        }
        var leaders = await DutyRoster.EligibleAsync(db, ct);
        if (leaders.Count == 0)
        {
            return;
        }
        var order = leaders.Select(p => p.Id).ToList();
        var now = clock.UtcNow;
        var today = DateOnly.FromDateTime(clock.ToLocal(now));
        var roster = new RoadDirectorRoster();
        // January's leader is chosen so that the rotation reaches the first of them this month.
        var first = order[((1 - today.Month) % order.Count + order.Count) % order.Count];
        var changes = roster.PlanYear(today.Year, order, first, "import", now).Changes
            .Concat(roster.PlanYear(today.Year + 1, order, null, "import", now).Changes).ToList();
        db.RosterChanges.AddRange(changes.Select(RosterChangeRow.From));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Planned the road-director roster for {Year} and {Next} from {Leaders} leaders", today.Year, today.Year + 1, order.Count);
    }
}
