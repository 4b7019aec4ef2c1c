using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Vendors;

/// <summary>Maps <see cref="MerchantRatingRow"/> to <c>merchant_ratings</c>.</summary>
public sealed class MerchantRatingConfiguration : IEntityTypeConfiguration<MerchantRatingRow>
{
    public void Configure(EntityTypeBuilder<MerchantRatingRow> b)
    {
        b.ToTable("merchant_ratings");
        b.HasIndex(r => new { r.MerchantId, r.RatedOn });
    }
}
