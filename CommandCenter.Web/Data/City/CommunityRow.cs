using System.ComponentModel.DataAnnotations;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Data.City;

/// <summary>社区 as stored.</summary>
public sealed class CommunityRow
{
    [Key, MaxLength(12)] public required string Code { get; set; }
    public required string Name { get; set; }
    [MaxLength(9)] public required string SubdistrictCode { get; set; }
    public required Geometry Geom { get; set; }
}
