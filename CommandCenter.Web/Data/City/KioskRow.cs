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
    /// <summary>一类 / 二类 / 三类 (衡阳: class 1 has a toilet); null: class 1 with a toilet, class 2 without.</summary>
    public int? KioskClass { get; set; }
    /// <summary>The department that supervises the kiosk and is alerted when it runs low.</summary>
    [MaxLength(32)] public string DepartmentCode { get; set; } = DefaultDepartment;
    public int Version { get; set; }

    public const string DefaultDepartment = "enforcement";

    public int ClassOrDefault => KioskClass ?? (HasToilet ? 1 : 2);
}
