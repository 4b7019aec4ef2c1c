using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Cases;

/// <summary>Maps <see cref="CaseNumberCounterRow"/> to <c>case_number_counters</c>.</summary>
public sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounterRow>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounterRow> b)
    {
        b.ToTable("case_number_counters");
        b.HasKey(c => c.Day);
    }
}
