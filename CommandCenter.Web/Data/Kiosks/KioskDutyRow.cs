using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Kiosks;

/// <summary>岗亭值守: one person's shift at a kiosk, from check-in to check-out (open while <see cref="CheckedOutAt"/> is null).</summary>
public sealed class KioskDutyRow
{
    public Guid Id { get; set; }
    [MaxLength(16)] public required string KioskId { get; set; }
    [MaxLength(64)] public required string UserName { get; set; }
    [MaxLength(64)] public required string DisplayName { get; set; }
    public DateTimeOffset CheckedInAt { get; set; }
    public DateTimeOffset? CheckedOutAt { get; set; }
}
