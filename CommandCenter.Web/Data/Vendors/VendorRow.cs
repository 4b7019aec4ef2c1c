using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Vendors;

/// <summary>摊贩登记: a vendor registered to a stall of a vending zone, with their licence.</summary>
public sealed class VendorRow
{
    [Key, MaxLength(16)] public required string Id { get; set; }
    [MaxLength(16)] public required string ZoneId { get; set; }
    [MaxLength(16)] public required string StallNumber { get; set; }
    [MaxLength(50)] public required string Name { get; set; }
    [MaxLength(20)] public required string Phone { get; set; }
    [MaxLength(200)] public required string Goods { get; set; }
    /// <summary>The stall permit (临时占道经营许可) number.</summary>
    [MaxLength(50)] public required string Licence { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
}
