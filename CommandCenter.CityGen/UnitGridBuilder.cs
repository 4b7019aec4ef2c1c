using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>
/// Builds the 单元网格 coverage: polygonise roads + rivers + district lines + core rectangle,
/// merge slivers, split big blocks, then round the whole coverage to 7 decimals consistently.
/// </summary>
internal static class UnitGridBuilder
{
    public static List<UnitGrid> Build(SourceData src)
    {
        var rect = CoreArea.RectMeters;
        var districts = new DistrictRegions(src, rect);

        var lines = src.Roads.Where(GridPolygonizer.IsBoundaryRoad).Select(r => LocalProjection.ToMeters(r.Geometry))
            .Concat(src.Waterways.Select(w => LocalProjection.ToMeters(w.Geometry)))
            .Concat(districts.BoundaryLines(src)); // grids never straddle a real district boundary
        var faces = GridPolygonizer.Polygonize(lines, rect)
            .Select(p => new GridFace(p, districts.DistrictOf(p.InteriorPoint)))
            .ToList();
        SortFaces(faces);

        // Merge → split → merge: the second merge absorbs crumbs left by cuts through concave blocks.
        SliverMerger.Merge(faces);
        faces = BlockSplitter.SplitAll(faces);
        SortFaces(faces);
        SliverMerger.Merge(faces);
        foreach (var f in faces)
        {
            f.District = districts.DistrictOf(f.Geometry.InteriorPoint);
        }

        SortFaces(faces);
        var rounded = CoverageRounder.Round(faces.Select(f => (Polygon)LocalProjection.ToLonLat(f.Geometry)).ToList());
        return rounded.Select((p, i) => new UnitGrid(i, p, faces[i].District)).ToList();
    }

    /// <summary>Total order independent of how NTS happened to emit faces: north→south, west→east, then area.</summary>
    private static void SortFaces(List<GridFace> faces)
    {
        var keyed = faces.Select(f => (Face: f, P: f.Geometry.InteriorPoint.Coordinate, f.Area)).ToList();
        keyed.Sort((a, b) =>
        {
            var c = b.P.Y.CompareTo(a.P.Y);
            if (c == 0)
            {
                c = a.P.X.CompareTo(b.P.X);
            }

            return c != 0 ? c : a.Area.CompareTo(b.Area);
        });
        faces.Clear();
        faces.AddRange(keyed.Select(k => k.Face));
    }
}
