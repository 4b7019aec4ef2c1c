using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Kiosks;

/// <summary>Maps <see cref="KioskLogRow"/> to <c>kiosk_log</c>, read per kiosk newest first.</summary>
public sealed class KioskLogConfiguration : IEntityTypeConfiguration<KioskLogRow>
{
    public void Configure(EntityTypeBuilder<KioskLogRow> b)
    {
        b.ToTable("kiosk_log");
        b.HasIndex(l => new { l.KioskId, l.At });
    }
}
