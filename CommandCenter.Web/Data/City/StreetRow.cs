using System.ComponentModel.DataAnnotations;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Data.City;

/// <summary>A named street and its chief (街长/巷长) as stored.</summary>
public sealed class StreetRow
{
    [Key, MaxLength(16)] public required string Id { get; set; }
    /// <summary>As long as a case keeps it (cases.street_name).</summary>
    [MaxLength(100)] public required string Name { get; set; }
    public required string RoadClass { get; set; }
    public required string Level { get; set; }
    [MaxLength(16)] public required string ChiefId { get; set; }
    [MaxLength(50)] public required string ChiefName { get; set; }
    public required string ChiefPhone { get; set; }
    public double LengthM { get; set; }
    public required Geometry Geom { get; set; }
}
