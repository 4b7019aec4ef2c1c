using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Auth;

/// <summary>
/// Checks a user name and password with ASP.NET Core Identity's hasher, locks an account for a while after repeated
/// wrong passwords, and costs the same for unknown names, wrong passwords and locked accounts (an unknown name is
/// hashed against a stand-in hash), so neither the answer nor its timing tells whether an account exists.
/// </summary>
public sealed class PasswordCheck(CommandCenterDb db, TimeProvider time, IConfiguration config, ILogger<PasswordCheck> logger)
{
    private static readonly PasswordHasher<UserAccountRow> Hasher = new();
    private static readonly Lazy<string> StandIn = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString()));

    public int MaxFailures => config.GetValue("Auth:LockoutFailures", 5);

    public TimeSpan LockoutFor => TimeSpan.FromMinutes(config.GetValue("Auth:LockoutMinutes", 15.0));

    /// <summary>The account, when the name and password are right and it is not locked; null otherwise.</summary>
    public async Task<UserAccountRow?> CheckAsync(string? userName, string? password, CancellationToken ct = default)
    {
        var name = userName?.Trim() ?? "";
        var user = name is { Length: > 0 and <= 64 } && !name.Any(char.IsControl)
            ? await db.Users.SingleOrDefaultAsync(u => u.UserName == name, ct)
            : null;
        var verified = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? StandIn.Value, password ?? "") != PasswordVerificationResult.Failed;
        if (user is null || string.IsNullOrEmpty(password))
        {
            return null;
        }
        var now = time.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            return null;
        }
        if (!verified)
        {
            user.FailedSignIns++;
            if (user.FailedSignIns >= MaxFailures)
            {
                user.LockedUntil = now + LockoutFor;
                user.FailedSignIns = 0;
                // The name only: no password, no address.
                logger.LogWarning("Account {User} locked until {Until} after {Count} wrong passwords", user.UserName, user.LockedUntil, MaxFailures);
            }
            await db.SaveChangesAsync(ct);
            return null;
        }
        if (user.FailedSignIns != 0 || user.LockedUntil is not null)
        {
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            await db.SaveChangesAsync(ct);
        }
        return user;
    }
}
