using System.ComponentModel.DataAnnotations;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Data.City;

/// <summary>One OpenStreetMap feature of the offline basemap (roads, water, green, buildings ...).</summary>
public sealed class BasemapFeatureRow
{
    public long Id { get; set; }
    [MaxLength(32)] public required string Layer { get; set; }
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    [MaxLength(64)] public required string Kind { get; set; }
    [MaxLength(32)] public required string OsmId { get; set; }
    public required Geometry Geom { get; set; }
}
