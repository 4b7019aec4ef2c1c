using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>A final 单元网格: rounded lon/lat polygon plus its admin assignment and codes.</summary>
internal sealed class UnitGrid(int index, Polygon geometry, string districtCode)
{
    public int Index { get; } = index;

    public Polygon Geometry { get; } = geometry;

    public string DistrictCode { get; } = districtCode;

    public double AreaM2 { get; } = LocalProjection.AreaMeters(geometry);

    /// <summary>Centroid in local metres (x east, y north): used for assignment and numbering.</summary>
    public Coordinate CentroidM { get; } = LocalProjection.ToMeters(geometry).Centroid.Coordinate;

    public int Subdistrict { get; set; } = -1;

    public int Community { get; set; } = -1;

    public int DutyGroup { get; set; } = -1;

    public string Code { get; set; } = string.Empty;

    public string DutyGridCode { get; set; } = string.Empty;

    /// <summary>Numbering order: 100 m latitude bands north→south, then west→east inside a band.</summary>
    public static (double Band, double X) ReadingOrder(Coordinate centroidM) =>
        (-Math.Floor(centroidM.Y / 100.0), centroidM.X);
}
