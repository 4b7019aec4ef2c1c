using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Enforcement;

/// <summary>Maps <see cref="CaseIntakeRow"/> to <c>case_intakes</c>.</summary>
public sealed class CaseIntakeConfiguration : IEntityTypeConfiguration<CaseIntakeRow>
{
    public void Configure(EntityTypeBuilder<CaseIntakeRow> b)
    {
        b.ToTable("case_intakes");
        b.Property(i => i.ZoneCheck).HasColumnType("jsonb");
        b.Property(i => i.Leniency).HasColumnType("jsonb");
        b.Property(i => i.BikeFence).HasColumnType("jsonb");
    }
}
