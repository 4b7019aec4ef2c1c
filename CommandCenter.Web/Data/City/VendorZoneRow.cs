using System.ComponentModel.DataAnnotations;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Data.City;

/// <summary>摊贩疏导区 / 禁止区 as stored; windows are "HH:mm-HH:mm" in city time.</summary>
public sealed class VendorZoneRow
{
    [Key, MaxLength(16)] public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public required string[] Windows { get; set; }
    [MaxLength(5)] public string? SeasonFrom { get; set; }
    [MaxLength(5)] public string? SeasonTo { get; set; }
    public int StallCount { get; set; }
    public double MaxStallAreaM2 { get; set; }
    public required string Goods { get; set; }
    public string? Manager { get; set; }
    public string? SchoolName { get; set; }
    public required Geometry Geom { get; set; }
}
