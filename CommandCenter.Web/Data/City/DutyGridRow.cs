using System.ComponentModel.DataAnnotations;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Data.City;

/// <summary>责任网格 as stored.</summary>
public sealed class DutyGridRow
{
    [Key, MaxLength(32)] public required string Code { get; set; }
    public required string Name { get; set; }
    [MaxLength(12)] public required string CommunityCode { get; set; }
    [MaxLength(16)] public required string MemberId { get; set; }
    public required string MemberName { get; set; }
    public required Geometry Geom { get; set; }
}
