using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Citizen;

/// <summary>An Open311 API key an admin issued to a 311 client: only its SHA-256 is kept, and the last characters to tell keys apart.</summary>
public sealed class Open311KeyRow
{
    public Guid Id { get; set; }
    [MaxLength(40)] public required string Name { get; set; }
    [MaxLength(64)] public required string KeyHash { get; set; }
    [MaxLength(8)] public required string Hint { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    [MaxLength(64)] public required string CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    [MaxLength(64)] public string? RevokedBy { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
