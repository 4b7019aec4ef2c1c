using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Citizen;

/// <summary>Maps <see cref="Open311KeyRow"/> to <c>open311_keys</c>; a key is found by its hash.</summary>
public sealed class Open311KeyConfiguration : IEntityTypeConfiguration<Open311KeyRow>
{
    public void Configure(EntityTypeBuilder<Open311KeyRow> b)
    {
        b.ToTable("open311_keys");
        b.HasKey(k => k.Id);
        b.HasIndex(k => k.KeyHash).IsUnique();
    }
}
