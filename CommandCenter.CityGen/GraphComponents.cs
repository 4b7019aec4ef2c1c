namespace CommandCenter.CityGen;

/// <summary>Connected components of a node subset, visited in ascending node order (deterministic).</summary>
internal static class GraphComponents
{
    public static List<List<int>> Of(IReadOnlyList<int> members, Func<int, IEnumerable<int>> neighbours)
    {
        var inSet = new HashSet<int>(members);
        var visited = new HashSet<int>();
        var result = new List<List<int>>();
        foreach (var start in members.Order())
        {
            if (!visited.Add(start))
            {
                continue;
            }

            var comp = new List<int>();
            var queue = new Queue<int>();
            queue.Enqueue(start);
            while (queue.Count > 0)
            {
                var x = queue.Dequeue();
                comp.Add(x);
                foreach (var n in neighbours(x).Order())
                {
                    if (inSet.Contains(n) && visited.Add(n))
                    {
                        queue.Enqueue(n);
                    }
                }
            }

            comp.Sort();
            result.Add(comp);
        }

        return result;
    }
}
