namespace CommandCenter.CityGen;

/// <summary>
/// Makes groups (街道, 社区, 责任网格) contiguous: every piece of a group that is cut off from the
/// group's largest piece moves to the neighbouring group (same parent scope) it shares the longest edge with.
/// </summary>
internal static class ContiguityFixer
{
    /// <param name="group">Group per grid (by grid index); modified in place.</param>
    /// <param name="scope">Parent of a group; pieces only move between groups with the same parent.</param>
    public static void Fix(int[] group, GridAdjacency adjacency, Func<int, int> scope)
    {
        for (var pass = 0; pass < 50; pass++)
        {
            var changed = false;
            foreach (var g in group.Where(x => x >= 0).Distinct().Order().ToList())
            {
                var members = Enumerable.Range(0, group.Length).Where(i => group[i] == g).ToList();
                var parts = GraphComponents.Of(members, i => adjacency.Neighbours(i).Keys.Where(n => group[n] == g));
                if (parts.Count < 2)
                {
                    continue;
                }

                // Keep the biggest piece (ties: the one holding the lowest grid index).
                var keep = parts.OrderByDescending(p => p.Count).ThenBy(p => p[0]).First();
                foreach (var part in parts.Where(p => p != keep))
                {
                    var shared = new SortedDictionary<int, double>();
                    foreach (var i in part)
                    {
                        foreach (var (n, len) in adjacency.Neighbours(i))
                        {
                            var other = group[n];
                            if (other >= 0 && other != g && scope(other) == scope(g))
                            {
                                shared[other] = shared.GetValueOrDefault(other) + len;
                            }
                        }
                    }

                    if (shared.Count == 0)
                    {
                        continue; // an island with no same-scope neighbour: nothing sensible to do
                    }

                    var target = shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
                    foreach (var i in part)
                    {
                        group[i] = target;
                    }

                    changed = true;
                }
            }

            if (!changed)
            {
                return;
            }
        }
    }
}
