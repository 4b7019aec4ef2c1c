using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using NetTopologySuite.Noding;
using NetTopologySuite.Noding.Snapround;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Polygonize;

namespace CommandCenter.CityGen;

/// <summary>
/// Rounds a polygon coverage to 7 decimals without breaking it. Rounding each polygon on its own
/// would move T-junction vertices off their neighbour's edge (tiny overlaps that ST_Overlaps sees),
/// so instead all ring linework is snap-rounded together into one noded edge set, polygonised
/// again, and every new face is handed back to the cell it came from. Neighbours therefore share
/// exactly the same rounded segments.
/// </summary>
internal static class CoverageRounder
{
    public static Polygon[] Round(IReadOnlyList<Polygon> cellsLonLat)
    {
        var segments = NodedSegments(cellsLonLat);
        var polygonizer = new Polygonizer();
        polygonizer.Add(segments.Cast<Geometry>().ToList());
        var faces = polygonizer.GetPolygons().Cast<Polygon>().Where(f => f.Area > 0).ToList();

        var owner = AssignFaces(faces, cellsLonLat);
        ResolveOrphansAndFragments(faces, owner, cellsLonLat.Count);

        var result = new Polygon[cellsLonLat.Count];
        for (var cell = 0; cell < cellsLonLat.Count; cell++)
        {
            var mine = Enumerable.Range(0, faces.Count).Where(f => owner[f] == cell).Select(f => (Geometry)faces[f]).ToList();
            if (mine.Count == 0)
            {
                throw new InvalidOperationException($"Grid cell {cell} vanished while rounding to 7 decimals");
            }

            var g = mine.Count == 1 ? mine[0] : UnaryUnionNG.Union(Geo.Degrees.BuildGeometry(mine), Geo.DegreePrecision);
            result[cell] = g as Polygon
                ?? throw new InvalidOperationException($"Grid cell {cell} is {g.GeometryType} after rounding");
        }

        return result;
    }

    private static List<LineString> NodedSegments(IReadOnlyList<Polygon> cells)
    {
        var input = new List<ISegmentString>();
        foreach (var cell in cells)
        {
            foreach (var ring in Geo.Rings(cell))
            {
                input.Add(new NodedSegmentString(ring.Coordinates.Select(c => c.Copy()).ToArray(), null));
            }
        }

        var noder = new SnapRoundingNoder(Geo.DegreePrecision);
        noder.ComputeNodes(input);

        // Shared edges arrive twice (once per neighbour); keep the first, in input order.
        var seen = new HashSet<SegmentKey>();
        var lines = new List<LineString>();
        foreach (var ss in noder.GetNodedSubstrings())
        {
            var cs = ss.Coordinates;
            for (var i = 0; i + 1 < cs.Length; i++)
            {
                if (cs[i].Equals2D(cs[i + 1]) || !seen.Add(SegmentKey.Of(cs[i], cs[i + 1])))
                {
                    continue;
                }

                lines.Add(Geo.Degrees.CreateLineString([cs[i].Copy(), cs[i + 1].Copy()]));
            }
        }

        return lines;
    }

    private static int[] AssignFaces(List<Polygon> faces, IReadOnlyList<Polygon> cells)
    {
        var tree = new STRtree<int>();
        for (var i = 0; i < cells.Count; i++)
        {
            tree.Insert(cells[i].EnvelopeInternal, i);
        }

        var owner = new int[faces.Count];
        for (var f = 0; f < faces.Count; f++)
        {
            var probe = faces[f].InteriorPoint;
            var candidates = tree.Query(probe.EnvelopeInternal).Order().ToList();
            var containing = candidates.Where(c => cells[c].Contains(probe)).ToList();
            if (containing.Count == 1)
            {
                owner[f] = containing[0];
                continue;
            }

            // Probe on an edge (can happen for rounding slivers): take the cell with the biggest overlap.
            owner[f] = -1;
            var bestArea = 0.0;
            foreach (var c in tree.Query(faces[f].EnvelopeInternal).Order())
            {
                var area = OverlayNGRobust.Overlay(faces[f], cells[c], SpatialFunction.Intersection).Area;
                if (area > bestArea)
                {
                    bestArea = area;
                    owner[f] = c;
                }
            }
        }

        return owner;
    }

    /// <summary>
    /// Orphan faces (gaps born from rounding) and faces cut off from the rest of their cell go to
    /// the neighbouring cell with the longest shared edge, so every cell stays one Polygon.
    /// </summary>
    private static void ResolveOrphansAndFragments(List<Polygon> faces, int[] owner, int cellCount)
    {
        var segmentFaces = new Dictionary<SegmentKey, List<int>>();
        for (var f = 0; f < faces.Count; f++)
        {
            foreach (var (key, _, _) in SegmentKey.Of(faces[f]))
            {
                if (!segmentFaces.TryGetValue(key, out var list))
                {
                    segmentFaces[key] = list = [];
                }

                list.Add(f);
            }
        }

        SortedDictionary<int, double> Neighbours(int f)
        {
            var n = new SortedDictionary<int, double>();
            foreach (var (key, _, _) in SegmentKey.Of(faces[f]))
            {
                foreach (var other in segmentFaces[key])
                {
                    if (other != f)
                    {
                        n[other] = n.GetValueOrDefault(other) + key.LengthMeters();
                    }
                }
            }

            return n;
        }

        for (var pass = 0; pass < 20; pass++)
        {
            var changed = false;
            var components = new List<List<int>>();
            for (var cell = -1; cell < cellCount; cell++)
            {
                var members = Enumerable.Range(0, faces.Count).Where(f => owner[f] == cell).ToList();
                if (cell < 0)
                {
                    components.AddRange(members.Select(m => new List<int> { m }));
                    continue;
                }

                var parts = GraphComponents.Of(members, f => Neighbours(f).Keys.Where(o => owner[o] == cell));
                components.AddRange(parts.OrderByDescending(p => p.Sum(x => faces[x].Area)).Skip(1));
            }

            foreach (var part in components)
            {
                var shared = new SortedDictionary<int, double>();
                foreach (var f in part)
                {
                    foreach (var (other, len) in Neighbours(f))
                    {
                        if (owner[other] >= 0 && !part.Contains(other))
                        {
                            shared[owner[other]] = shared.GetValueOrDefault(owner[other]) + len;
                        }
                    }
                }

                if (shared.Count == 0)
                {
                    continue;
                }

                var best = shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).First().Key;
                foreach (var f in part)
                {
                    if (owner[f] != best)
                    {
                        owner[f] = best;
                        changed = true;
                    }
                }
            }

            if (!changed)
            {
                break;
            }
        }

        if (owner.Any(o => o < 0))
        {
            throw new InvalidOperationException("Rounding left a face that touches no grid cell");
        }
    }
}
