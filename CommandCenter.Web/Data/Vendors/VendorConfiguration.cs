using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Vendors;

/// <summary>Maps <see cref="VendorRow"/> to <c>vendors</c>; one active vendor per stall of a zone.</summary>
public sealed class VendorConfiguration : IEntityTypeConfiguration<VendorRow>
{
    public void Configure(EntityTypeBuilder<VendorRow> b)
    {
        b.ToTable("vendors");
        b.HasIndex(v => new { v.ZoneId, v.StallNumber }).IsUnique().HasFilter("retired_at IS NULL");
    }
}
