namespace CommandCenter.CityGen;

/// <summary>
/// Shared-edge lengths (metres) between grids. Exact, because after <see cref="CoverageRounder"/>
/// neighbours are built from identical rounded segments.
/// </summary>
internal sealed class GridAdjacency
{
    private readonly SortedDictionary<int, double>[] shared;

    public GridAdjacency(IReadOnlyList<UnitGrid> grids)
    {
        var owners = new Dictionary<SegmentKey, List<int>>();
        foreach (var g in grids)
        {
            foreach (var (key, _, _) in SegmentKey.Of(g.Geometry))
            {
                if (!owners.TryGetValue(key, out var list))
                {
                    owners[key] = list = [];
                }

                list.Add(g.Index);
            }
        }

        shared = new SortedDictionary<int, double>[grids.Count];
        foreach (var g in grids)
        {
            var mine = shared[g.Index] = new SortedDictionary<int, double>();
            foreach (var (key, _, _) in SegmentKey.Of(g.Geometry))
            {
                foreach (var other in owners[key])
                {
                    if (other != g.Index)
                    {
                        mine[other] = mine.GetValueOrDefault(other) + key.LengthMeters();
                    }
                }
            }
        }
    }

    public IReadOnlyDictionary<int, double> Neighbours(int grid) => shared[grid];
}
