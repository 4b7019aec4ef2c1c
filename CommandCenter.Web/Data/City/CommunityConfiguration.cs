using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.City;

/// <summary>Maps <see cref="CommunityRow"/> to <c>communities</c>.</summary>
public sealed class CommunityConfiguration : IEntityTypeConfiguration<CommunityRow>
{
    public void Configure(EntityTypeBuilder<CommunityRow> b)
    {
        b.ToTable("communities");
    }
}
