using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Vendors;

/// <summary>One 五星商户 rating of a merchant: the stars given, when and by whom (the history behind the current star).</summary>
public sealed class MerchantRatingRow
{
    public Guid Id { get; set; }
    [MaxLength(16)] public required string MerchantId { get; set; }
    public int Stars { get; set; }
    public DateOnly RatedOn { get; set; }
    [MaxLength(200)] public string? Note { get; set; }
    [MaxLength(64)] public required string Actor { get; set; }
}
