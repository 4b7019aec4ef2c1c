using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.City;

/// <summary>Maps <see cref="PersonRow"/> to <c>people</c>.</summary>
public sealed class PersonConfiguration : IEntityTypeConfiguration<PersonRow>
{
    public void Configure(EntityTypeBuilder<PersonRow> b)
    {
        b.ToTable("people");
        b.HasIndex(p => p.Role);
    }
}
