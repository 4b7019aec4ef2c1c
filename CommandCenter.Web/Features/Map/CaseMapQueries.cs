using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;

namespace CommandCenter.Web.Features.Map;

/// <summary>Open cases for the map (one feature per case, coloured by stage and clock) and the map search.</summary>
public sealed class CaseMapQueries(CommandCenterDb db, CaseRulesProvider rulesProvider, CityClock clock, CityGeography city)
{
    public async Task<FeatureCollection> OpenCasesAsync(MapCaseFilter filter, CancellationToken ct = default)
    {
        var rules = await rulesProvider.CurrentAsync(ct);
        var now = clock.UtcNow;
        var open = Enum.GetValues<CaseState>().Where(s => s.IsOpen()).ToList();
        var states = filter.Stage is { Length: > 0 } stage && Enum.TryParse<CaseStage>(stage, ignoreCase: true, out var st)
            ? st.States().Where(open.Contains).ToList()
            : open;
        var query = db.Cases.AsNoTracking().Where(c => states.Contains(c.State));
        if (filter.Category is { Length: > 0 } category)
        {
            query = query.Where(c => c.CategoryCode.StartsWith(category));
        }
        if (filter.Source is { Length: > 0 } && CaseSources.TryParse(filter.Source, out var source))
        {
            query = query.Where(c => c.Source == source);
        }
        if (filter.Department is { Length: > 0 } department)
        {
            query = query.Where(c => c.DepartmentCode == department);
        }
        if (filter.From is { } from)
        {
            query = query.Where(c => c.ReportedAt >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(c => c.ReportedAt <= to);
        }
        var fc = new FeatureCollection();
        foreach (var c in await query.OrderBy(c => c.ReportedAt).Take(20_000).ToListAsync(ct))
        {
            var reading = c.ReadClock(rules.Clock, now);
            fc.Add(new Feature(c.Location, new AttributesTable
            {
                { "id", c.Id.ToString() }, { "number", c.Number }, { "status", c.State.Slug() }, { "statusName", c.State.NameZh() },
                { "stage", c.State.StageOf().Slug() }, { "category", c.CategoryCode },
                { "categoryName", rules.Categories.GetValueOrDefault(c.CategoryCode)?.Name ?? c.CategoryCode },
                { "source", c.Source.Slug() }, { "department", c.DepartmentCode }, { "gridCode", c.GridCode },
                { "reportedAt", c.ReportedAt.ToUnixTimeMilliseconds() }, { "deadline", c.StepDeadline?.ToUnixTimeMilliseconds() },
                { "level", reading?.Level.ToString().ToLowerInvariant() ?? "green" }, { "overdue", reading?.IsOverdue ?? false },
                { "street", c.StreetName ?? c.Address },
            }));
        }
        return fc;
    }

    /// <summary>A case number, grid code or street name, resolved to a box to fly to.</summary>
    public async Task<MapSearchHit?> SearchAsync(string q, CancellationToken ct = default)
    {
        if (q.All(char.IsAsciiDigit) && q.Length >= 8 && q.Length != 15)
        {
            var c = await db.Cases.AsNoTracking().Where(x => x.Number == q || x.Number.EndsWith(q)).OrderByDescending(x => x.ReportedAt).FirstOrDefaultAsync(ct);
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
