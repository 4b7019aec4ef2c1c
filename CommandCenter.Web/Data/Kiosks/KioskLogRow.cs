using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Kiosks;

/// <summary>服务台账: one service given at a kiosk (consultation, permit help, directions, complaint, first aid) and the case a complaint became.</summary>
public sealed class KioskLogRow
{
    public Guid Id { get; set; }
    [MaxLength(16)] public required string KioskId { get; set; }
    [MaxLength(16)] public required string Kind { get; set; }
    [MaxLength(500)] public string? Note { get; set; }
    [MaxLength(64)] public required string Actor { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? CaseId { get; set; }
    [MaxLength(16)] public string? CaseNumber { get; set; }
}
