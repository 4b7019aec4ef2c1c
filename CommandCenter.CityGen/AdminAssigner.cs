using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>
/// Synthetic 街道 / 社区 / 责任网格 layout with real names and codes: 街道 by district + nearest seed,
/// 社区 and 责任网格 by recursive bisection, all made contiguous, then 15-digit codes.
/// </summary>
internal static class AdminAssigner
{
    /// <summary>Target number of unit grids per 责任网格 (brief: 5–10).</summary>
    public const double GridsPerDutyGrid = 7.0;

    public static void Assign(IReadOnlyList<UnitGrid> grids, IReadOnlyList<Subdistrict> subdistricts,
        IReadOnlyList<Community> communities, GridAdjacency adjacency)
    {
        AssignSubdistricts(grids, subdistricts, adjacency);
        AssignCommunities(grids, subdistricts, communities, adjacency);
        NumberGrids(grids, communities);
    }

    /// <summary>Each grid joins the nearest 街道 seed of its district; detached pieces move to a neighbour.</summary>
    internal static void AssignSubdistricts(IReadOnlyList<UnitGrid> grids, IReadOnlyList<Subdistrict> subs, GridAdjacency adjacency)
    {
        var group = new int[grids.Count];
        foreach (var g in grids)
        {
            var best = -1;
            var bestDist = double.MaxValue;
            for (var s = 0; s < subs.Count; s++)
            {
                if (subs[s].DistrictCode != g.DistrictCode)
                {
                    continue;
                }

                var d = LocalProjection.ToMeters(subs[s].SeedLon, subs[s].SeedLat).Distance(g.CentroidM);
                if (d < bestDist)
                {
                    bestDist = d;
                    best = s;
                }
            }

            group[g.Index] = best >= 0 ? best : throw new InvalidOperationException($"No 街道 in district {g.DistrictCode}");
        }

        ContiguityFixer.Fix(group, adjacency, s => int.Parse(subs[s].DistrictCode, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var g in grids)
        {
            g.Subdistrict = group[g.Index];
        }
    }

    /// <summary>Splits every 街道 into its 社区 (in code order, north/west first) by bisection, then makes them contiguous.</summary>
    internal static void AssignCommunities(IReadOnlyList<UnitGrid> grids, IReadOnlyList<Subdistrict> subs,
        IReadOnlyList<Community> communities, GridAdjacency adjacency)
    {
        var group = new int[grids.Count];
        for (var s = 0; s < subs.Count; s++)
        {
            var items = grids.Where(g => g.Subdistrict == s).Select(g => g.Index).ToList();
            var mine = communities.Select((c, i) => (c, i)).Where(x => x.c.SubdistrictCode == subs[s].Code).Select(x => x.i).ToList();
            var parts = CommunityPartitioner.Partition(items, i => grids[i].CentroidM, mine.Count);
            for (var k = 0; k < items.Count; k++)
            {
                group[items[k]] = mine[parts[k]];
            }
        }

        var subOf = communities.Select(c => subs.Select(s => s.Code).ToList().IndexOf(c.SubdistrictCode)).ToArray();
        ContiguityFixer.Fix(group, adjacency, c => subOf[c]);
        foreach (var g in grids)
        {
            g.Community = group[g.Index];
        }
    }

    /// <summary>15-digit codes: 社区 code + sequence in reading order (domain.md §2.2).</summary>
    internal static void NumberGrids(IReadOnlyList<UnitGrid> grids, IReadOnlyList<Community> communities)
    {
        for (var c = 0; c < communities.Count; c++)
        {
            var ordered = grids.Where(g => g.Community == c)
                .OrderBy(g => UnitGrid.ReadingOrder(g.CentroidM)).ThenBy(g => g.Index).ToList();
            if (ordered.Count > 999)
            {
                throw new InvalidOperationException($"顺序码已满: community {communities[c].Code} has {ordered.Count} grids");
            }

            for (var k = 0; k < ordered.Count; k++)
            {
                ordered[k].Code = communities[c].Code + (k + 1).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Groups the grids of each community into 责任网格 of about <see cref="GridsPerDutyGrid"/> adjacent grids.</summary>
    public static List<DutyGrid> BuildDutyGrids(IReadOnlyList<UnitGrid> grids, IReadOnlyList<Community> communities, GridAdjacency adjacency)
    {
        var group = new int[grids.Count];
        var nextGroup = 0;
        var communityOfGroup = new List<int>();
        for (var c = 0; c < communities.Count; c++)
        {
            var items = grids.Where(g => g.Community == c).Select(g => g.Index).ToList();
            if (items.Count == 0)
            {
                continue;
            }

            var k = Math.Max(1, (int)Math.Round(items.Count / GridsPerDutyGrid, MidpointRounding.AwayFromZero));
            var parts = CommunityPartitioner.Partition(items, i => grids[i].CentroidM, k);
            for (var i = 0; i < items.Count; i++)
            {
                group[items[i]] = nextGroup + parts[i];
            }

            communityOfGroup.AddRange(Enumerable.Repeat(c, k));
            nextGroup += k;
        }

        ContiguityFixer.Fix(group, adjacency, d => communityOfGroup[d]);
        DutyGridBalancer.Balance(group, adjacency, d => communityOfGroup[d]);

        var result = new List<DutyGrid>();
        for (var c = 0; c < communities.Count; c++)
        {
            var groups = Enumerable.Range(0, nextGroup).Where(d => communityOfGroup[d] == c)
                .Select(d => grids.Where(g => group[g.Index] == d).OrderBy(g => g.Code, StringComparer.Ordinal).ToList())
                .Where(members => members.Count > 0)
                .OrderBy(members => UnitGrid.ReadingOrder(MeanCentroid(members)))
                .ThenBy(members => members[0].Code, StringComparer.Ordinal)
                .ToList();
            for (var k = 0; k < groups.Count; k++)
            {
                var seq = k + 1;
                var code = $"{communities[c].Code}-Z{seq:00}";
                foreach (var g in groups[k])
                {
                    g.DutyGridCode = code;
                }

                result.Add(new DutyGrid(code, $"{communities[c].ShortName}第{seq}责任网格", communities[c].Code, groups[k]));
            }
        }

        return result;
    }

    private static Coordinate MeanCentroid(IReadOnlyList<UnitGrid> members) =>
        new(members.Average(m => m.CentroidM.X), members.Average(m => m.CentroidM.Y));
}

internal sealed record DutyGrid(string Code, string Name, string CommunityCode, IReadOnlyList<UnitGrid> Members)
{
    public string MemberId { get; set; } = string.Empty;

    public string MemberName { get; set; } = string.Empty;
}
