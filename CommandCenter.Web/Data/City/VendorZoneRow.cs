using System.ComponentModel.DataAnnotations;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Data.City;

/// <summary>
/// 摊贩疏导区 / 禁止区 / 电子围栏 as stored; windows are opening rules in city time ("19:00-01:00", "fri,sat 19:00-02:00").
/// A retired zone keeps its row (and its history in the change log) but is no longer in force.
/// </summary>
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
    /// <summary>Every season as "MM-dd/MM-dd"; when empty, <see cref="SeasonFrom"/>/<see cref="SeasonTo"/> (the one season the importer writes) apply.</summary>
    public string[] Seasons { get; set; } = [];
    /// <summary>Dates on which no window opens (holidays of this market, works on the street).</summary>
    public DateOnly[] ClosedDates { get; set; } = [];
    public bool ClosedOnPublicHolidays { get; set; }
    public string? BannedGoods { get; set; }
    /// <summary>Bikes a fence holds.</summary>
    public int? Capacity { get; set; }
    [MaxLength(50)] public string? Operator { get; set; }
    /// <summary>Bikes parked in a fence as last reported by its operator (the fill shown against the capacity).</summary>
    public int? Parked { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public int Version { get; set; }
}
