using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Vendors;

/// <summary>Maps <see cref="MerchantRow"/> to <c>merchants</c>.</summary>
public sealed class MerchantConfiguration : IEntityTypeConfiguration<MerchantRow>
{
    public void Configure(EntityTypeBuilder<MerchantRow> b)
    {
        b.ToTable("merchants");
        b.HasIndex(m => m.StreetId);
    }
}
