using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.City;

/// <summary>Maps <see cref="SubdistrictRow"/> to <c>subdistricts</c>.</summary>
public sealed class SubdistrictConfiguration : IEntityTypeConfiguration<SubdistrictRow>
{
    public void Configure(EntityTypeBuilder<SubdistrictRow> b)
    {
        b.ToTable("subdistricts");
    }
}
