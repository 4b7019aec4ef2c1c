using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Streets;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Streets;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Streets;

/// <summary>
/// Gives every imported street its first recorded chief (the one in the city data, from 1 January of this year) and a
/// chain of road chiefs (路长制, domain.md §7.2) within each 街道: the chief of its longest main street is the area chief
/// (L1), the next ones squadron leaders (L2, about one per six streets), the rest patrollers (L3) under them in turn.
/// Runs once, when no assignment is recorded yet.
/// </summary>
public sealed class StreetChiefSeeder(CommandCenterDb db, CityClock clock, ILogger<StreetChiefSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.StreetChiefAssignments.AnyAsync(ct))
        {
            return;
        }
        var streets = await db.Streets.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct);
        var subdistricts = await db.Subdistricts.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        var now = clock.UtcNow;
        var since = new DateOnly(clock.ToLocal(now).Year, 1, 1);
        var rows = new List<StreetChiefAssignmentRow>();
        foreach (var group in streets.GroupBy(s => subdistricts.FirstOrDefault(d => d.Geom.Intersects(s.Geom.InteriorPoint))?.Code ?? ""))
        {
            var ordered = group.OrderBy(s => s.Level == "街长" ? 0 : 1).ThenByDescending(s => s.LengthM).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
            var squadrons = ordered.Count switch { 1 => 0, 2 => 1, var n => Math.Max(1, (int)Math.Round((n - 1) / 6.0)) };
            for (var i = 0; i < ordered.Count; i++)
            {
                var s = ordered[i];
                var (level, supervisor) = i == 0 ? (RoadChiefLevel.AreaChief, (string?)null)
                    : i <= squadrons ? (RoadChiefLevel.SquadronLeader, ordered[0].ChiefId)
                    : (RoadChiefLevel.Patroller, ordered[1 + (i - squadrons - 1) % squadrons].ChiefId);
                if (supervisor == s.ChiefId)
                {
                    // The same person holds the supervising street too: this one hangs off the area chief instead (or heads it).
                    (level, supervisor) = ordered[0].ChiefId == s.ChiefId ? (RoadChiefLevel.AreaChief, null) : (RoadChiefLevel.SquadronLeader, ordered[0].ChiefId);
                }
                rows.Add(new StreetChiefAssignmentRow
                {
                    StreetId = s.Id, PersonId = s.ChiefId, PersonName = s.ChiefName, Phone = s.ChiefPhone,
                    Level = StreetChiefAssignmentRow.SlugOfImported(s.Level), RoadChiefLevel = (int)level, SupervisorPersonId = supervisor,
                    EffectiveFrom = since, AssignedBy = "import", AssignedAt = now,
                });
            }
        }
        db.StreetChiefAssignments.AddRange(rows);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Recorded the first chief of {Streets} streets ({AreaChiefs} area chiefs)", rows.Count, rows.Count(r => r.RoadChiefLevel == 1));
    }
}
