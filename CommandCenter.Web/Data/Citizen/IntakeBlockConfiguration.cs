using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Citizen;

/// <summary>Maps <see cref="IntakeBlockRow"/> to <c>intake_blocks</c>; at most one block in force per source.</summary>
public sealed class IntakeBlockConfiguration : IEntityTypeConfiguration<IntakeBlockRow>
{
    public void Configure(EntityTypeBuilder<IntakeBlockRow> b)
    {
        b.ToTable("intake_blocks");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Kind, x.Value }).IsUnique().HasFilter("lifted_at IS NULL");
    }
}
