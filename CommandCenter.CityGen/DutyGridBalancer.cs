namespace CommandCenter.CityGen;

/// <summary>
/// Evens out 责任网格 sizes after bisection and contiguity repair, which can leave a few groups too small or too
/// big: a group under <see cref="MinSize"/> takes a bordering grid from a neighbour (same 社区) that can spare one
/// (or pass the loss on), or merges into a neighbour when both fit in <see cref="MaxSize"/>; a group over <see cref="MaxSize"/> hands a
/// border grid to a smaller neighbour. A move never disconnects the giving group. Groups already inside the range
/// are left alone.
/// </summary>
internal static class DutyGridBalancer
{
    public const int MinSize = 6;
    public const int MaxSize = 9;

    /// <param name="group">Group per grid (by grid index); modified in place.</param>
    /// <param name="scope">Parent of a group (its 社区); grids only move between groups with the same parent.</param>
    public static void Balance(int[] group, GridAdjacency adjacency, Func<int, int> scope)
    {
        var members = new SortedDictionary<int, SortedSet<int>>();
        for (var i = 0; i < group.Length; i++)
        {
            if (group[i] >= 0)
            {
                if (!members.TryGetValue(group[i], out var set))
                {
                    members[group[i]] = set = [];
                }

                set.Add(i);
            }
        }

        int Size(int g) => members.TryGetValue(g, out var s) ? s.Count : 0;

        void Move(int grid, int to)
        {
            members[group[grid]].Remove(grid);
            members[to].Add(grid);
            group[grid] = to;
        }

        bool StaysConnectedWithout(int g, int grid)
        {
            var rest = members[g].Where(i => i != grid).ToList();
            return rest.Count == 0 || GraphComponents.Of(rest, i => adjacency.Neighbours(i).Keys).Count == 1;
        }

        // Grids of other groups in the same scope bordering group g, with the shared edge length.
        IEnumerable<(int Grid, int Group, double Shared)> Border(int g, bool outside)
        {
            foreach (var i in members[g])
            {
                foreach (var (n, len) in adjacency.Neighbours(i))
                {
                    var other = group[n];
                    if (other >= 0 && other != g && scope(other) == scope(g))
                    {
                        yield return outside ? (n, other, len) : (i, other, len);
                    }
                }
            }
        }

        for (var pass = 0; pass < 100; pass++)
        {
            var changed = false;
            foreach (var g in members.Keys.ToList())
            {
                if (Size(g) is > 0 and < MinSize)
                {
                    // A donor at exactly MinSize may give too when it can refill from a bigger neighbour next (a two-step chain).
                    var take = Border(g, outside: true)
                        .Where(b => Size(b.Group) > MinSize || (Size(b.Group) == MinSize && Border(b.Group, outside: true)
                            .Any(o => o.Group != g && Size(o.Group) > MinSize)))
                        .OrderByDescending(b => Size(b.Group) > MinSize).ThenByDescending(b => b.Shared).ThenBy(b => b.Grid)
                        .Where(b => StaysConnectedWithout(b.Group, b.Grid))
                        .Select(b => (int?)b.Grid).FirstOrDefault();
                    if (take is { } grid)
                    {
                        Move(grid, g);
                        changed = true;
                        continue;
                    }

                    var into = Border(g, outside: true)
                        .Where(b => Size(b.Group) + Size(g) <= MaxSize)
                        .OrderByDescending(b => b.Shared).ThenBy(b => b.Group)
                        .Select(b => (int?)b.Group).FirstOrDefault();
                    if (into is { } target)
                    {
                        foreach (var i in members[g].ToList())
                        {
                            Move(i, target);
                        }

                        changed = true;
                    }
                }
                else if (Size(g) > MaxSize)
                {
                    var give = Border(g, outside: false)
                        .Where(b => Size(b.Group) < MaxSize)
                        .OrderBy(b => Size(b.Group)).ThenByDescending(b => b.Shared).ThenBy(b => b.Grid)
                        .Where(b => StaysConnectedWithout(g, b.Grid))
                        .Select(b => ((int Grid, int Group)?)(b.Grid, b.Group)).FirstOrDefault();
                    if (give is { } move)
                    {
                        Move(move.Grid, move.Group);
                        changed = true;
                    }
                }
            }

            if (!changed)
            {
                return;
            }
        }
    }
}
