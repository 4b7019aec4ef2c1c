using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Vendors;

/// <summary>
/// 沿街商户: a shop on a street, its business licence and its 门前三包 / 五包 pledge (the items it answers for and when
/// it signed); <see cref="Stars"/> is the current 五星商户 rating, its history is in <see cref="MerchantRatingRow"/>.
/// </summary>
public sealed class MerchantRow
{
    [Key, MaxLength(16)] public required string Id { get; set; }
    [MaxLength(16)] public required string StreetId { get; set; }
    [MaxLength(100)] public required string ShopName { get; set; }
    [MaxLength(50)] public required string Licence { get; set; }
    [MaxLength(20)] public string? Phone { get; set; }
    [MaxLength(200)] public string? Address { get; set; }
    /// <summary>"three" (门前三包) or "five" (门前五包); null before a pledge is signed.</summary>
    [MaxLength(8)] public string? Pledge { get; set; }
    public string[] PledgeItems { get; set; } = [];
    public DateOnly? PledgeSignedOn { get; set; }
    /// <summary>0 (not rated) to 5.</summary>
    public int Stars { get; set; }
}
