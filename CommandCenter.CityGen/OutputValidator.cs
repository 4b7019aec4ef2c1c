using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace CommandCenter.CityGen;

/// <summary>Self-checks run before anything is written; a violation throws with a clear message.</summary>
internal static class OutputValidator
{
    /// <param name="extent">The lon/lat rectangle the grids must tile exactly.</param>
    public static void ValidateGrids(IReadOnlyList<UnitGrid> grids, IReadOnlyList<Community> communities, Polygon extent)
    {
        foreach (var g in grids)
        {
            if (!g.Geometry.IsValid)
            {
                throw new InvalidOperationException($"Grid {g.Code} is not a valid polygon");
            }

            if (g.Code.Length != 15 || !g.Code.All(char.IsAsciiDigit))
            {
                throw new InvalidOperationException($"Grid code '{g.Code}' is not 15 digits");
            }

            var community = communities[g.Community];
            if (!g.Code.StartsWith(community.Code, StringComparison.Ordinal) ||
                !community.Code.StartsWith(community.SubdistrictCode, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Grid {g.Code} is not inside community {community.Code} / its 街道");
            }
        }

        var dupes = grids.GroupBy(g => g.Code, StringComparer.Ordinal).Where(x => x.Count() > 1).Select(x => x.Key).ToList();
        if (dupes.Count > 0)
        {
            throw new InvalidOperationException($"Duplicate grid codes: {string.Join(", ", dupes)}");
        }

        ValidateCoverage("unit grid", grids.Select(g => (g.Code, (Geometry)g.Geometry)).ToList(), extent);
    }

    /// <summary>Valid, pairwise non-overlapping (interiors disjoint) and — when <paramref name="extent"/> is given — exactly covering it.</summary>
    public static void ValidateCoverage(string what, IReadOnlyList<(string Code, Geometry Geometry)> cells, Polygon? extent)
    {
        var tree = new STRtree<int>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (!cells[i].Geometry.IsValid)
            {
                throw new InvalidOperationException($"{what} {cells[i].Code} is invalid");
            }

            tree.Insert(cells[i].Geometry.EnvelopeInternal, i);
        }

        for (var i = 0; i < cells.Count; i++)
        {
            foreach (var j in tree.Query(cells[i].Geometry.EnvelopeInternal))
            {
                if (j <= i)
                {
                    continue;
                }

                var im = cells[i].Geometry.Relate(cells[j].Geometry);
                if (im.Get(Location.Interior, Location.Interior) != Dimension.False)
                {
                    throw new InvalidOperationException($"{what}s {cells[i].Code} and {cells[j].Code} overlap");
                }
            }
        }

        // NTS coverage validator: catches edges that almost (but not exactly) match a neighbour.
        var invalid = CoverageValidator.Validate(cells.Select(c => c.Geometry).ToArray());
        for (var i = 0; i < invalid.Length; i++)
        {
            if (invalid[i] is { IsEmpty: false })
            {
                throw new InvalidOperationException($"{what} {cells[i].Code} has coverage-invalid edges: {invalid[i].AsText()}");
            }
        }

        if (extent is not null)
        {
            var rect = extent.Area;
            var sum = cells.Sum(c => c.Geometry.Area);
            var union = Geo.UnionAll(cells.Select(c => c.Geometry), Geo.Degrees, Geo.DegreePrecision).Area;
            if (Math.Abs(sum - rect) / rect > 0.001 || Math.Abs(union - rect) / rect > 0.001)
            {
                throw new InvalidOperationException($"{what} coverage: area sum {sum:E6}, union {union:E6}, extent {rect:E6} differ by more than 0.1%");
            }
        }
    }

    public static void ValidateNoIntersection(string what, IEnumerable<(string Id, Geometry G)> a, IReadOnlyList<(string Id, Geometry G)> b)
    {
        foreach (var (id, g) in a)
        {
            foreach (var (otherId, other) in b)
            {
                if (g.Intersects(other))
                {
                    throw new InvalidOperationException($"{what}: {id} intersects {otherId}");
                }
            }
        }
    }
}
