using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>A working face of the grid partition (local metres), tagged with its district.</summary>
internal sealed class GridFace(Polygon geometry, string district)
{
    public Polygon Geometry { get; set; } = geometry;

    public string District { get; set; } = district;

    public double Area => Geometry.Area;

    /// <summary>Set when a sliver has no neighbour to merge into (kept rather than dropped, so coverage stays exact).</summary>
    public bool Stuck { get; set; }

    /// <summary>Mean width: 2·A/P equals the short side of a long thin rectangle.</summary>
    public double MeanWidth => 2 * Geometry.Area / Geometry.Length;
}
