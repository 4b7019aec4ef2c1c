using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Features.Cases;

/// <summary>
/// One line of the append-only audit trail, which is also the live event log: <see cref="Seq"/> increases
/// in commit order, so a client that missed events asks for everything after the last one it saw.
/// </summary>
public sealed class CaseEventRow
{
    public long Seq { get; set; }
    public Guid CaseId { get; set; }
    [MaxLength(16)] public required string CaseNumber { get; set; }
    [MaxLength(32)] public required string Action { get; set; }
    [MaxLength(24)] public string? FromState { get; set; }
    [MaxLength(24)] public required string ToState { get; set; }
    [MaxLength(64)] public required string Actor { get; set; }
    [MaxLength(32)] public required string ActorRole { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
    public Guid[] PhotoIds { get; set; } = [];
    [MaxLength(32)] public string? Department { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    public bool? OnTime { get; set; }
    public bool Overdue { get; set; }
    [MaxLength(5)] public required string CategoryCode { get; set; }
    [MaxLength(15)] public required string GridCode { get; set; }
    [MaxLength(16)] public string? Source { get; set; }
    public string? Street { get; set; }
    /// <summary>The clock colour right after the event (green … purple), for map markers.</summary>
    [MaxLength(8)] public string? Level { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
}
