using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.City;

/// <summary>Maps <see cref="UnitGridRow"/> to <c>unit_grids</c>.</summary>
public sealed class UnitGridConfiguration : IEntityTypeConfiguration<UnitGridRow>
{
    public void Configure(EntityTypeBuilder<UnitGridRow> b)
    {
        b.ToTable("unit_grids");
        b.HasIndex(g => g.CommunityCode);
        b.HasIndex(g => g.DutyGridCode);
    }
}
