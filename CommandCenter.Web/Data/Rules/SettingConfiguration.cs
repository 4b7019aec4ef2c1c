using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Rules;

/// <summary>Maps <see cref="SettingRow"/> to <c>settings</c>.</summary>
public sealed class SettingConfiguration : IEntityTypeConfiguration<SettingRow>
{
    public void Configure(EntityTypeBuilder<SettingRow> b)
    {
        b.ToTable("settings");
    }
}
