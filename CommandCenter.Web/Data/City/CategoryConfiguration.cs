using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.City;

/// <summary>Maps <see cref="CategoryRow"/> to <c>categories</c>.</summary>
public sealed class CategoryConfiguration : IEntityTypeConfiguration<CategoryRow>
{
    public void Configure(EntityTypeBuilder<CategoryRow> b)
    {
        b.ToTable("categories");
    }
}
