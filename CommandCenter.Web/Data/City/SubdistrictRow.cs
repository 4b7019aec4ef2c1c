using System.ComponentModel.DataAnnotations;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Data.City;

/// <summary>街道 as stored.</summary>
public sealed class SubdistrictRow
{
    [Key, MaxLength(9)] public required string Code { get; set; }
    public required string Name { get; set; }
    [MaxLength(6)] public required string DistrictCode { get; set; }
    public required string DistrictName { get; set; }
    public required Geometry Geom { get; set; }
}
