using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Duty;

/// <summary>Maps <see cref="PatrolRow"/> to <c>patrols</c>; <see cref="PatrolRow.Version"/> orders concurrent batches of points.</summary>
public sealed class PatrolConfiguration : IEntityTypeConfiguration<PatrolRow>
{
    public void Configure(EntityTypeBuilder<PatrolRow> b)
    {
        b.ToTable("patrols");
        b.HasKey(p => p.Id);
        b.Property(p => p.Moves).HasColumnType("jsonb");
        b.Property(p => p.DroppedByReason).HasColumnType("jsonb");
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.PersonId, p.StartedAt });
        b.HasIndex(p => p.UserName).HasFilter("state <> 'ended'");
    }
}
