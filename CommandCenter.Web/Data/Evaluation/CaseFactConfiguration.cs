using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Evaluation;

/// <summary>Maps <see cref="CaseFactRow"/> to <c>case_facts</c>; rows are written by the trigger <c>case_events_facts</c> only.</summary>
public sealed class CaseFactConfiguration : IEntityTypeConfiguration<CaseFactRow>
{
    public void Configure(EntityTypeBuilder<CaseFactRow> b)
    {
        b.ToTable("case_facts");
        b.HasKey(f => f.CaseId);
        b.Property(f => f.GridCode).HasMaxLength(15);
        b.Property(f => f.DutyGridCode).HasMaxLength(32);
        b.Property(f => f.State).HasMaxLength(24);
        b.Property(f => f.Department).HasMaxLength(32);
        b.Property(f => f.ClockStep).HasMaxLength(16);
        b.HasIndex(f => f.FiledAt);
    }
}
