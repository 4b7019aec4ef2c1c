using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Alerts;

/// <summary>Maps <see cref="AlertRow"/> to <c>alerts</c>.</summary>
public sealed class AlertConfiguration : IEntityTypeConfiguration<AlertRow>
{
    public void Configure(EntityTypeBuilder<AlertRow> b)
    {
        b.ToTable("alerts");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.Recipient, a.ClearedAt });
        // One open alert per condition: raising it again while it stands is a no-op.
        b.HasIndex(a => a.Key).IsUnique().HasFilter("cleared_at IS NULL");
        b.HasIndex(a => a.EscalatesAt).HasFilter("escalates_at IS NOT NULL AND acknowledged_at IS NULL AND cleared_at IS NULL");
    }
}
