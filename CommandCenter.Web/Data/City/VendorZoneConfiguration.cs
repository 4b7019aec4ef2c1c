using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.City;

/// <summary>Maps <see cref="VendorZoneRow"/> to <c>vendor_zones</c>.</summary>
public sealed class VendorZoneConfiguration : IEntityTypeConfiguration<VendorZoneRow>
{
    public void Configure(EntityTypeBuilder<VendorZoneRow> b)
    {
        b.ToTable("vendor_zones");
        b.Property(z => z.Version).IsConcurrencyToken();
    }
}
