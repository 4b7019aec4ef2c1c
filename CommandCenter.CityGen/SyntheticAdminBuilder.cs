using System.Globalization;
using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>The synthetic city's grids with their admin chain: districts, 街道, 社区 and 责任网格.</summary>
internal sealed record SyntheticAdmin(
    IReadOnlyList<UnitGrid> Grids, GridAdjacency Adjacency, IReadOnlyList<Subdistrict> Subdistricts,
    IReadOnlyList<Community> Communities, IReadOnlyList<DutyGrid> DutyGrids);

/// <summary>
/// Districts are rectangles of the lattice whose borders run along main-road lines; inside each, 街道 seeds
/// are the centres of a bisection of its grids, and from there the real generator's <see cref="AdminAssigner"/>
/// does the rest (nearest seed, 社区 by bisection, contiguity, numbering, 责任网格). Codes have gaps, as real ones do.
/// </summary>
internal static class SyntheticAdminBuilder
{
    /// <summary>Target unit grids per 街道.</summary>
    public const double GridsPerSubdistrict = 250.0;

    /// <summary>Each 街道 draws its own target 社区 size from this range, so 社区 sizes differ between 街道.</summary>
    public const double MinGridsPerCommunity = 22.0;
    public const double MaxGridsPerCommunity = 34.0;

    /// <summary>Invented district names; their codes are 320191… (南京 3201, a block no real 区 uses).</summary>
    private static readonly string[] DistrictNames = ["临江区", "钟山区", "青溪区", "白鹭区", "紫霞区", "凤台区", "龙江区", "石城区", "金川区"];

    public static SyntheticAdmin Build(SyntheticGridLayout layout, SyntheticPlaceNames names, int seed)
    {
        var (columnCuts, rowCuts) = DistrictCuts(layout);
        var districtColumns = columnCuts.Count + 1;
        string DistrictCodeOf(int d) => "3201" + (91 + d).ToString("00", CultureInfo.InvariantCulture);

        var grids = Enumerable.Range(0, layout.CellCount).Select(index =>
        {
            var (i, j) = layout.CellAt(index);
            var fromNorth = layout.Rows - 1 - j;
            var district = (rowCuts.Count(c => c <= fromNorth) * districtColumns) + columnCuts.Count(c => c <= i);
            return new UnitGrid(index, layout.Cell(index), DistrictCodeOf(district));
        }).ToList();
        var adjacency = new GridAdjacency(grids);

        var districtCount = districtColumns * (rowCuts.Count + 1);
        var seeds = new List<Subdistrict>();
        for (var d = 0; d < districtCount; d++)
        {
            var code = DistrictCodeOf(d);
            var items = grids.Where(g => g.DistrictCode == code).Select(g => g.Index).ToList();
            var count = Math.Max(2, (int)Math.Round(items.Count / GridsPerSubdistrict, MidpointRounding.AwayFromZero));
            var parts = CommunityPartitioner.Partition(items, k => grids[k].CentroidM, count);
            var centres = Enumerable.Range(0, count).Select(p =>
            {
                var members = items.Where((_, k) => parts[k] == p).ToList();
                var jx = 60.0 * ((2 * DeterministicHash.Fraction($"{seed}/seed/{code}/{p}/x")) - 1);
                var jy = 60.0 * ((2 * DeterministicHash.Fraction($"{seed}/seed/{code}/{p}/y")) - 1);
                return new Coordinate(members.Average(m => grids[m].CentroidM.X) + jx, members.Average(m => grids[m].CentroidM.Y) + jy);
            }).OrderBy(c => UnitGrid.ReadingOrder(c)).ToList();
            var numbers = GappedNumbers($"{seed}/subdistrict/{code}", centres.Count, max: 99);
            for (var s = 0; s < centres.Count; s++)
            {
                var seedLonLat = LocalProjection.ToLonLat(centres[s].X, centres[s].Y);
                var subCode = code + numbers[s].ToString("000", CultureInfo.InvariantCulture);
                seeds.Add(new Subdistrict(subCode, names.Subdistrict(subCode), code, DistrictNames[d], seedLonLat.X, seedLonLat.Y, []));
            }
        }

        AdminAssigner.AssignSubdistricts(grids, seeds, adjacency);

        // Only now is each 街道's size known, and with it how many 社区 it gets.
        var subdistricts = seeds.Select((s, index) =>
        {
            var perCommunity = MinGridsPerCommunity + ((MaxGridsPerCommunity - MinGridsPerCommunity) * DeterministicHash.Fraction($"{seed}/community-size/{s.Code}"));
            var count = Math.Max(1, (int)Math.Round(grids.Count(g => g.Subdistrict == index) / perCommunity, MidpointRounding.AwayFromZero));
            var numbers = GappedNumbers($"{seed}/community/{s.Code}", count, max: 199);
            var communities = numbers.Select(n => s.Code + n.ToString("000", CultureInfo.InvariantCulture))
                .Select(c => new Community(c, names.Community(c), s.Code)).ToList();
            return s with { Communities = communities };
        }).ToList();
        var allCommunities = subdistricts.SelectMany(s => s.Communities).ToList();
        AdminAssigner.AssignCommunities(grids, subdistricts, allCommunities, adjacency);
        AdminAssigner.NumberGrids(grids, allCommunities);
        var duty = AdminAssigner.BuildDutyGrids(grids, allCommunities, adjacency);
        return new SyntheticAdmin(grids, adjacency, subdistricts, allCommunities, duty);
    }

    /// <summary>
    /// Where district borders cut the lattice: about one district per 3,300 grids (2–9), laid out in columns
    /// and rows; each cut moves onto the nearest main-road line (every 5th lattice line) when it can.
    /// </summary>
    private static (List<int> Columns, List<int> Rows) DistrictCuts(SyntheticGridLayout layout)
    {
        var wanted = Math.Clamp((int)Math.Round(layout.CellCount / 3300.0), 2, 9);
        var across = (int)Math.Ceiling(Math.Sqrt(wanted));
        var down = (int)Math.Ceiling(wanted / (double)across);
        return (Cuts(layout.Columns, across), Cuts(layout.Rows, down));
    }

    private static List<int> Cuts(int cells, int parts)
    {
        var cuts = new List<int>();
        for (var k = 1; k < parts; k++)
        {
            var even = (int)Math.Round(k * cells / (double)parts);
            var snapped = (int)Math.Round(even / 5.0) * 5;
            var cut = snapped > (cuts.Count > 0 ? cuts[^1] : 0) && snapped < cells ? snapped : even;
            cuts.Add(cut);
        }

        return cuts;
    }

    /// <summary>Ascending 3-digit sequence numbers from 1 with an occasional skipped number (never above <paramref name="max"/>).</summary>
    private static List<int> GappedNumbers(string key, int count, int max)
    {
        if (count > max)
        {
            throw new InvalidOperationException($"{count} codes do not fit under {max} ({key})");
        }

        var allowGaps = count * 2 <= max;
        var numbers = new List<int>();
        var next = 1;
        for (var k = 0; k < count; k++)
        {
            numbers.Add(next);
            next += allowGaps && DeterministicHash.Pick($"{key}/{k}", 4) == 0 ? 2 : 1;
        }

        return numbers;
    }
}
