using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Cases;

/// <summary>Maps <see cref="CaseEventRow"/> to <c>case_events</c>; a trigger (migration) refuses updates and deletes.</summary>
public sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEventRow>
{
    public void Configure(EntityTypeBuilder<CaseEventRow> b)
    {
        b.ToTable("case_events");
        b.HasKey(e => e.Seq);
        b.Property(e => e.Seq).HasDefaultValueSql("cc_next_seq('case_events_seq')").ValueGeneratedOnAdd();
        b.HasIndex(e => new { e.CaseId, e.Seq });
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.DutyGridCode, e.Seq });
        b.HasIndex(e => new { e.Department, e.Seq });
        b.HasIndex(e => new { e.StreetChiefPersonId, e.Seq });
    }
}
