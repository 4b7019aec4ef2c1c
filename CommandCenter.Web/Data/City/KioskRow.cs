using System.ComponentModel.DataAnnotations;
using CommandCenter.Domain.Kiosks;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Data.City;

/// <summary>便民服务岗亭 / 城管驿站 as stored; supplies live in a jsonb column.</summary>
public sealed class KioskRow
{
    [Key, MaxLength(16)] public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string[] Services { get; set; }
    public required string Hours { get; set; }
    public bool Is24h { get; set; }
    public bool HasToilet { get; set; }
    public double RadiusM { get; set; }
    public required List<KioskSupply> Supplies { get; set; }
    public string? Phone { get; set; }
    public required Point Geom { get; set; }
}
