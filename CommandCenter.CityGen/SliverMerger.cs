using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>Dissolves faces that are too small (or too thin) to be a grid into the neighbour with the longest shared edge.</summary>
internal static class SliverMerger
{
    public const double MinArea = 2000.0;
    public const double MinMeanWidth = 10.0;

    public static bool IsSliver(GridFace f) => f.Area < MinArea || f.MeanWidth < MinMeanWidth;

    public static void Merge(List<GridFace> faces)
    {
        while (true)
        {
            // Smallest sliver first: tiny faces then get absorbed before they can distort a bigger merge.
            var i = -1;
            for (var k = 0; k < faces.Count; k++)
            {
                if (!faces[k].Stuck && IsSliver(faces[k]) && (i < 0 || faces[k].Area < faces[i].Area))
                {
                    i = k;
                }
            }

            if (i < 0)
            {
                return;
            }

            var sliver = faces[i];
            var best = -1;
            var bestKey = (Same: false, Shared: 0.0);
            for (var j = 0; j < faces.Count; j++)
            {
                if (j == i || !faces[j].Geometry.EnvelopeInternal.Intersects(sliver.Geometry.EnvelopeInternal))
                {
                    continue;
                }

                var shared = SharedLength(sliver.Geometry, faces[j].Geometry);
                if (shared < 0.01)
                {
                    continue;
                }

                // Prefer staying inside the same district, then the longest common edge.
                var key = (Same: faces[j].District == sliver.District, Shared: shared);
                if (best < 0 || (key.Same && !bestKey.Same) || (key.Same == bestKey.Same && key.Shared > bestKey.Shared))
                {
                    best = j;
                    bestKey = key;
                }
            }

            if (best < 0)
            {
                sliver.Stuck = true;
                continue;
            }

            var merged = Geo.Union(faces[best].Geometry, sliver.Geometry, Geo.MeterPrecision);
            if (merged is not Polygon p)
            {
                sliver.Stuck = true;
                continue;
            }

            faces[best].Geometry = p;
            faces.RemoveAt(i);
        }
    }

    public static double SharedLength(Polygon a, Polygon b) =>
        Geo.Intersection(a.Boundary, b.Boundary, Geo.MeterPrecision).Length;
}
