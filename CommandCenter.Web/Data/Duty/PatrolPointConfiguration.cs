using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Duty;

/// <summary>Maps <see cref="PatrolPointRow"/> to <c>patrol_points</c>.</summary>
public sealed class PatrolPointConfiguration : IEntityTypeConfiguration<PatrolPointRow>
{
    public void Configure(EntityTypeBuilder<PatrolPointRow> b)
    {
        b.ToTable("patrol_points");
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.PatrolId, p.At });
    }
}
