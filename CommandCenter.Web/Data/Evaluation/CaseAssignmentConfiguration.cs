using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Evaluation;

/// <summary>Maps <see cref="CaseAssignmentRow"/> to <c>case_assignments</c>; rows are written by the trigger <c>case_events_facts</c> only.</summary>
public sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignmentRow>
{
    public void Configure(EntityTypeBuilder<CaseAssignmentRow> b)
    {
        b.ToTable("case_assignments");
        b.HasKey(a => new { a.CaseId, a.Department });
        b.Property(a => a.Department).HasMaxLength(32);
        b.Property(a => a.State).HasMaxLength(24);
        b.Property(a => a.CurrentDepartment).HasMaxLength(32);
        b.Property(a => a.ClockStep).HasMaxLength(16);
        b.HasIndex(a => a.DispatchedAt);
    }
}
