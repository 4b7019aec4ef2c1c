using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Photos;

/// <summary>Maps <see cref="PhotoRow"/> to <c>photos</c>.</summary>
public sealed class PhotoConfiguration : IEntityTypeConfiguration<PhotoRow>
{
    public void Configure(EntityTypeBuilder<PhotoRow> b)
    {
        b.ToTable("photos");
    }
}
