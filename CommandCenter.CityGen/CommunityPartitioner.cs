using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>
/// Recursive coordinate bisection: splits a set of grids into k compact groups of near-equal count.
/// Each step cuts the centroid cloud across its longer extent; the north/west half gets the
/// lower-numbered groups. Used for 社区 inside a 街道 and for 责任网格 inside a 社区.
/// </summary>
internal static class CommunityPartitioner
{
    /// <summary>Returns, for each item (same order as <paramref name="items"/>), a group number 0..k-1.</summary>
    public static int[] Partition(IReadOnlyList<int> items, Func<int, Coordinate> centroid, int k)
    {
        var result = new int[items.Count];
        var positions = Enumerable.Range(0, items.Count).ToList();
        Bisect(positions, items, centroid, 0, k, result);
        return result;
    }

    private static void Bisect(List<int> positions, IReadOnlyList<int> items, Func<int, Coordinate> centroid,
        int firstGroup, int k, int[] result)
    {
        if (k == 1 || positions.Count == 0)
        {
            foreach (var p in positions)
            {
                result[p] = firstGroup;
            }

            return;
        }

        var xs = positions.Select(p => centroid(items[p]).X).ToList();
        var ys = positions.Select(p => centroid(items[p]).Y).ToList();
        var alongX = xs.Max() - xs.Min() >= ys.Max() - ys.Min();

        // West first along x, north first along y; item index breaks ties so the order is total.
        var sorted = alongX
            ? positions.OrderBy(p => centroid(items[p]).X).ThenBy(p => items[p]).ToList()
            : positions.OrderByDescending(p => centroid(items[p]).Y).ThenBy(p => items[p]).ToList();
        var k1 = k / 2;
        var n1 = (int)Math.Round(sorted.Count * (double)k1 / k, MidpointRounding.AwayFromZero);
        Bisect(sorted.Take(n1).ToList(), items, centroid, firstGroup, k1, result);
        Bisect(sorted.Skip(n1).ToList(), items, centroid, firstGroup + k1, k - k1, result);
    }
}
