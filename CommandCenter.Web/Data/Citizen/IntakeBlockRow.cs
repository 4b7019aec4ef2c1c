using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Citizen;

/// <summary>An abusive source an operator blocked from anonymous intake: a client address, a device id or a phone.</summary>
public sealed class IntakeBlockRow
{
    public Guid Id { get; set; }
    /// <summary>address, device or phone.</summary>
    [MaxLength(16)] public required string Kind { get; set; }
    [MaxLength(100)] public required string Value { get; set; }
    [MaxLength(200)] public required string Reason { get; set; }
    public DateTimeOffset BlockedAt { get; set; }
    [MaxLength(64)] public required string BlockedBy { get; set; }
    public DateTimeOffset? LiftedAt { get; set; }
    [MaxLength(64)] public string? LiftedBy { get; set; }
}
