using CommandCenter.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Citizen;

/// <summary>Maps <see cref="CitizenReportRow"/> to <c>citizen_reports</c>, one row per citizen case, removed with its case.</summary>
public sealed class CitizenReportConfiguration : IEntityTypeConfiguration<CitizenReportRow>
{
    public void Configure(EntityTypeBuilder<CitizenReportRow> b)
    {
        b.ToTable("citizen_reports");
        b.HasKey(r => r.CaseId);
        b.HasOne<Case>().WithOne().HasForeignKey<CitizenReportRow>(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.Token).IsUnique();
        b.HasIndex(r => r.CaseNumber).IsUnique();
        b.HasIndex(r => r.ReportedAt);
        b.Property(r => r.Attributes).HasColumnType("jsonb");
    }
}
