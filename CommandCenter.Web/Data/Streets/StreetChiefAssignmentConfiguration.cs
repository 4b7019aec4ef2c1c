using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Streets;

/// <summary>Maps <see cref="StreetChiefAssignmentRow"/> to <c>street_chief_assignments</c>.</summary>
public sealed class StreetChiefAssignmentConfiguration : IEntityTypeConfiguration<StreetChiefAssignmentRow>
{
    public void Configure(EntityTypeBuilder<StreetChiefAssignmentRow> b)
    {
        b.ToTable("street_chief_assignments");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.StreetId, a.EffectiveFrom });
        b.HasIndex(a => a.PersonId);
    }
}
