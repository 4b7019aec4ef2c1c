using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Evaluation;

/// <summary>Maps <see cref="RedBlackSnapshotRow"/> to <c>red_black_snapshots</c>, one row per month and scope.</summary>
public sealed class RedBlackSnapshotConfiguration : IEntityTypeConfiguration<RedBlackSnapshotRow>
{
    public void Configure(EntityTypeBuilder<RedBlackSnapshotRow> b)
    {
        b.ToTable("red_black_snapshots");
        b.HasKey(s => new { s.Month, s.Scope });
        b.Property(s => s.Scope).HasMaxLength(32);
        b.Property(s => s.Board).HasColumnType("jsonb");
    }
}
