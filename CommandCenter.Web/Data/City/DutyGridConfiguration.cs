using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.City;

/// <summary>Maps <see cref="DutyGridRow"/> to <c>duty_grids</c>.</summary>
public sealed class DutyGridConfiguration : IEntityTypeConfiguration<DutyGridRow>
{
    public void Configure(EntityTypeBuilder<DutyGridRow> b)
    {
        b.ToTable("duty_grids");
    }
}
