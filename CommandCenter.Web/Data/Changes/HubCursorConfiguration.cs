using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Changes;

/// <summary>Maps <see cref="HubCursorRow"/> to <c>hub_cursors</c>.</summary>
public sealed class HubCursorConfiguration : IEntityTypeConfiguration<HubCursorRow>
{
    public void Configure(EntityTypeBuilder<HubCursorRow> b) => b.ToTable("hub_cursors");
}
