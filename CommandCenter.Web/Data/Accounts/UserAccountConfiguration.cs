using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Accounts;

/// <summary>Maps <see cref="UserAccountRow"/> to <c>users</c>.</summary>
public sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccountRow>
{
    public void Configure(EntityTypeBuilder<UserAccountRow> b)
    {
        b.ToTable("users");
    }
}
