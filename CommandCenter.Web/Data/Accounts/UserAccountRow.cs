using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Accounts;

/// <summary>A sign-in account: roles, and the duty grid or department its roles are limited to.</summary>
public sealed class UserAccountRow
{
    [Key, MaxLength(64)] public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    public required string[] Roles { get; set; }
    [MaxLength(32)] public string? DutyGridCode { get; set; }
    [MaxLength(32)] public string? DepartmentCode { get; set; }
    [MaxLength(16)] public string? PersonId { get; set; }
    /// <summary>Wrong passwords in a row; at the limit the account is locked until <see cref="LockedUntil"/>.</summary>
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
