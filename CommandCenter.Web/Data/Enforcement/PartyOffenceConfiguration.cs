using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Enforcement;

/// <summary>Maps <see cref="PartyOffenceRow"/> to <c>party_offences</c>, read by party and time.</summary>
public sealed class PartyOffenceConfiguration : IEntityTypeConfiguration<PartyOffenceRow>
{
    public void Configure(EntityTypeBuilder<PartyOffenceRow> b)
    {
        b.ToTable("party_offences");
        b.HasIndex(o => new { o.Party, o.At });
        b.HasIndex(o => o.CaseId);
    }
}
