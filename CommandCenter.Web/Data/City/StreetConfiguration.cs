using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.City;

/// <summary>Maps <see cref="StreetRow"/> to <c>streets</c>.</summary>
public sealed class StreetConfiguration : IEntityTypeConfiguration<StreetRow>
{
    public void Configure(EntityTypeBuilder<StreetRow> b)
    {
        b.ToTable("streets");
        b.HasIndex(s => s.Name);
    }
}
