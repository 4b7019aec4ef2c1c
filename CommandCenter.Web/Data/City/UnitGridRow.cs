using System.ComponentModel.DataAnnotations;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Data.City;

/// <summary>单元网格 as stored.</summary>
public sealed class UnitGridRow
{
    [Key, MaxLength(15)] public required string Code { get; set; }
    [MaxLength(12)] public required string CommunityCode { get; set; }
    [MaxLength(9)] public required string SubdistrictCode { get; set; }
    [MaxLength(32)] public required string DutyGridCode { get; set; }
    public double AreaM2 { get; set; }
    public required Polygon Geom { get; set; }
}
