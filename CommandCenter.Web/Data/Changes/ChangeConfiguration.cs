using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Changes;

/// <summary>Maps <see cref="ChangeRow"/> to <c>changes</c>; a trigger (migration) refuses updates and deletes.</summary>
public sealed class ChangeConfiguration : IEntityTypeConfiguration<ChangeRow>
{
    public void Configure(EntityTypeBuilder<ChangeRow> b)
    {
        b.ToTable("changes");
        b.HasKey(c => c.Seq);
        b.Property(c => c.Seq).HasDefaultValueSql("cc_next_seq('changes_seq')").ValueGeneratedOnAdd();
        b.Property(c => c.Before).HasColumnType("jsonb");
        b.Property(c => c.After).HasColumnType("jsonb");
        b.HasIndex(c => new { c.Topic, c.EntityId, c.Seq });
    }
}
