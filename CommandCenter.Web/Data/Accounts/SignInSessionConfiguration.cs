using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommandCenter.Web.Data.Accounts;

/// <summary>Maps <see cref="SignInSessionRow"/> to <c>sign_in_sessions</c>.</summary>
public sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSessionRow>
{
    public void Configure(EntityTypeBuilder<SignInSessionRow> b)
    {
        b.ToTable("sign_in_sessions");
        b.HasIndex(s => s.UserName);
    }
}
