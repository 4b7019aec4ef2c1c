using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Duty;

/// <summary>Maps <see cref="RosterChangeRow"/> to <c>roster_changes</c>.</summary>
public sealed class RosterChangeConfiguration : IEntityTypeConfiguration<RosterChangeRow>
{
    public void Configure(EntityTypeBuilder<RosterChangeRow> b)
    {
        b.ToTable("roster_changes");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.Month);
    }
}
