using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.City;

/// <summary>Maps <see cref="KioskRow"/> to <c>kiosks</c>.</summary>
public sealed class KioskConfiguration : IEntityTypeConfiguration<KioskRow>
{
    public void Configure(EntityTypeBuilder<KioskRow> b)
    {
        b.ToTable("kiosks");
        b.ComplexCollection(k => k.Supplies, c => c.ToJson("supplies"));
        b.Property(k => k.DepartmentCode).HasDefaultValue(KioskRow.DefaultDepartment);
        b.Property(k => k.Version).IsConcurrencyToken();
        b.Ignore(k => k.ClassOrDefault);
    }
}
