using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Kiosks;

/// <summary>Maps <see cref="KioskDutyRow"/> to <c>kiosk_duties</c>: a person is on duty at one kiosk at a time.</summary>
public sealed class KioskDutyConfiguration : IEntityTypeConfiguration<KioskDutyRow>
{
    public void Configure(EntityTypeBuilder<KioskDutyRow> b)
    {
        b.ToTable("kiosk_duties");
        b.HasIndex(d => d.UserName).IsUnique().HasFilter("checked_out_at IS NULL");
        b.HasIndex(d => new { d.KioskId, d.CheckedOutAt });
    }
}
