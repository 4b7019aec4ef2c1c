using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Rules;

/// <summary>Maps <see cref="CalendarDayRow"/> to <c>calendar_days</c>.</summary>
public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDayRow>
{
    public void Configure(EntityTypeBuilder<CalendarDayRow> b)
    {
        b.ToTable("calendar_days");
    }
}
