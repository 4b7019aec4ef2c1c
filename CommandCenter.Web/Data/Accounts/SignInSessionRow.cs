using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Accounts;

/// <summary>
/// One sign-in (a browser's cookie, or a device's access and refresh tokens). Its id travels in the cookie or token and
/// is checked on every request, so signing out — or a password change, which ends all of a user's sessions — stops
/// the cookie and the tokens at once, on every instance.
/// </summary>
public sealed class SignInSessionRow
{
    [Key] public Guid Id { get; set; }
    [MaxLength(64)] public required string UserName { get; set; }
    /// <summary>cookie or bearer.</summary>
    [MaxLength(16)] public required string Kind { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}
