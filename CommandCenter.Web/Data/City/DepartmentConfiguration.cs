using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.City;

/// <summary>Maps <see cref="DepartmentRow"/> to <c>departments</c>.</summary>
public sealed class DepartmentConfiguration : IEntityTypeConfiguration<DepartmentRow>
{
    public void Configure(EntityTypeBuilder<DepartmentRow> b)
    {
        b.ToTable("departments");
    }
}
