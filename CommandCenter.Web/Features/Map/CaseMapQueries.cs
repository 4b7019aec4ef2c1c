using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;

namespace CommandCenter.Web.Features.Map;

/// <summary>Open cases for the map (one feature per case, coloured by stage and clock) and the map search, within the reader's scope.</summary>
public sealed class CaseMapQueries(CommandCenterDb db, CaseRulesProvider rulesProvider, CityClock clock, CityGeography city)
{
    /// <summary>At most this many cases are drawn; past it the newest are kept.</summary>
    public const int Cap = 20_000;

    public async Task<FeatureCollection> OpenCasesAsync(CaseFilter filter, ReadScope scope, CancellationToken ct = default)
    {
        var rules = await rulesProvider.CurrentAsync(ct);
        var now = clock.UtcNow;
        var query = (filter with { OpenOnly = true }).Apply(db.Cases.AsNoTracking().VisibleTo(scope), now);
        var fc = new FeatureCollection();
        foreach (var c in await query.OrderByDescending(c => c.ReportedAt).Take(Cap).ToListAsync(ct))
        {
            fc.Add(Feature(c, rules, now));
        }
        return fc;
    }

    /// <summary>Open and overdue cases per grid (overdue as the overdue filter reads it), with the totals.</summary>
    public async Task<GridCounts> GridCountsAsync(CaseFilter filter, ReadScope scope, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var rows = await (filter with { OpenOnly = true }).Apply(db.Cases.AsNoTracking().VisibleTo(scope), now)
            .GroupBy(c => c.GridCode)
            .Select(g => new { Grid = g.Key, Open = g.Count(), Overdue = g.Count(c => c.StepDeadline != null && c.StepDeadline < now && c.ClockPausedAt == null) })
            .ToListAsync(ct);
        // The city view of a large city colours its 社区: each one's sums over its grids.
        var index = city.Index;
        var communities = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (index.GridByCode(r.Grid) is not { } grid)
            {
                continue;
            }
            var sums = communities.TryGetValue(grid.CommunityCode, out var found) ? found : communities[grid.CommunityCode] = new int[2];
            sums[0] += r.Open;
            sums[1] += r.Overdue;
        }
        return new GridCounts(rows.ToDictionary(r => r.Grid, r => new[] { r.Open, r.Overdue }), communities, rows.Sum(r => r.Open), rows.Sum(r => r.Overdue));
    }

    /// <summary>One case as the map draws it, when it is open, passes the filter and the scope may read it; else null.</summary>
    public async Task<Feature?> OpenCaseAsync(Guid id, CaseFilter filter, ReadScope scope, CancellationToken ct = default)
    {
        var rules = await rulesProvider.CurrentAsync(ct);
        var now = clock.UtcNow;
        var c = await (filter with { OpenOnly = true }).Apply(db.Cases.AsNoTracking().VisibleTo(scope), now).SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? null : Feature(c, rules, now);
    }

    private static Feature Feature(Case c, CaseRulesProvider.Snapshot rules, DateTimeOffset now)
    {
        var reading = c.ReadClock(rules.Clock, now);
        return new Feature(c.Location, new AttributesTable
        {
            { "id", c.Id.ToString() }, { "number", c.Number }, { "status", c.State.Slug() },
            { "stage", c.State.StageOf().Slug() }, { "category", c.CategoryCode },
            { "categoryName", rules.Categories.GetValueOrDefault(c.CategoryCode)?.DisplayName ?? c.CategoryCode },
            { "source", c.Source.Slug() }, { "department", c.DepartmentCode }, { "gridCode", c.GridCode }, { "dutyGrid", c.DutyGridCode },
            { "reportedAt", c.ReportedAt.ToUnixTimeMilliseconds() }, { "deadline", c.StepDeadline?.ToUnixTimeMilliseconds() },
            { "level", reading?.Level.ToString().ToLowerInvariant() ?? "green" }, { "overdue", reading?.IsOverdue ?? false },
            { "supervision", c.SupervisionLevel }, { "street", c.StreetName ?? c.Address }, { "streetId", c.StreetId },
        });
    }

    /// <summary>A case number, grid code or street name, resolved to a box to fly to.</summary>
    public async Task<MapSearchHit?> SearchAsync(string q, ReadScope scope, CancellationToken ct = default)
    {
        if (q.All(char.IsAsciiDigit) && q.Length >= 8 && q.Length != 15)
        {
            var c = await db.Cases.AsNoTracking().VisibleTo(scope).Where(x => x.Number == q || x.Number.EndsWith(q))
                .OrderByDescending(x => x.ReportedAt).FirstOrDefaultAsync(ct);
            if (c is not null)
            {
                var p = c.Location;
                return new MapSearchHit("case", c.Id.ToString(), $"{c.Number} {c.StreetName}", [p.X - 0.0015, p.Y - 0.001, p.X + 0.0015, p.Y + 0.001]);
            }
        }
        var map = city.Index.City;
        if (map.UnitGrids.FirstOrDefault(g => g.Code == q) is { } grid)
        {
            return new MapSearchHit("grid", grid.Code, grid.Code, Box(grid.Shape.EnvelopeInternal));
        }
        var street = map.Streets.FirstOrDefault(s => s.Name == q) ?? map.Streets.FirstOrDefault(s => s.Name.Contains(q, StringComparison.Ordinal));
        if (street is not null)
        {
            return new MapSearchHit("street", street.Id, $"{street.Name} · {street.Level} {street.ChiefName}", Box(street.Line.EnvelopeInternal));
        }
        if (map.Communities.FirstOrDefault(c => c.Name.Contains(q, StringComparison.Ordinal)) is { } community)
        {
            return new MapSearchHit("community", community.Code, community.Name, Box(community.Area.EnvelopeInternal));
        }
        return null;
    }

    private static double[] Box(NetTopologySuite.Geometries.Envelope e) => [e.MinX, e.MinY, e.MaxX, e.MaxY];
}

/// <summary>Per grid code and per 社区 code: [open, overdue]; and the totals.</summary>
public sealed record GridCounts(Dictionary<string, int[]> Grids, Dictionary<string, int[]> Communities, int Open, int Overdue);
