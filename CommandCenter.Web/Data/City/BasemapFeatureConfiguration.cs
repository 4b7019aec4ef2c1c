using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.City;

/// <summary>Maps <see cref="BasemapFeatureRow"/> to <c>basemap_features</c>.</summary>
public sealed class BasemapFeatureConfiguration : IEntityTypeConfiguration<BasemapFeatureRow>
{
    public void Configure(EntityTypeBuilder<BasemapFeatureRow> b)
    {
        b.ToTable("basemap_features");
        b.HasIndex(f => f.Layer);
    }
}
