using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Cases;

/// <summary>
/// One line of the append-only audit trail, which is also the live event log: <see cref="Seq"/> is taken in the
/// writing transaction, and the change follower hands events on in sequence order without skipping one that is still
/// being committed, so a client that missed events asks for everything after the last one it saw.
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
    [MaxLength(2000)] public string? Note { get; set; }
    public Guid[] PhotoIds { get; set; } = [];
    /// <summary>The responsible department after the event, and before it when the event moved the case (re-dispatch).</summary>
    [MaxLength(32)] public string? Department { get; set; }
    [MaxLength(32)] public string? PreviousDepartment { get; set; }
    /// <summary>The clock running after the event: its step and deadline.</summary>
    [MaxLength(16)] public string? Step { get; set; }
    public DateTimeOffset? Deadline { get; set; }
    /// <summary>The step this event ended (domain.md §4.3), its deadline and whether it ended on time.</summary>
    [MaxLength(16)] public string? FinishedStep { get; set; }
    public DateTimeOffset? FinishedDeadline { get; set; }
    public bool? OnTime { get; set; }
    public bool Overdue { get; set; }
    [MaxLength(5)] public required string CategoryCode { get; set; }
    [MaxLength(15)] public required string GridCode { get; set; }
    [MaxLength(32)] public required string DutyGridCode { get; set; }
    [MaxLength(16)] public string? Source { get; set; }
    [MaxLength(200)] public string? Street { get; set; }
    /// <summary>The clock colour right after the event (green … purple), for map markers.</summary>
    [MaxLength(8)] public string? Level { get; set; }
    /// <summary>推诿 / 多次返工 flags of the case after the event (slugs).</summary>
    public string[] Flags { get; set; } = [];
    /// <summary>督办 level after the event.</summary>
    public int Supervision { get; set; }
    /// <summary>For the clock's own 催办/督办: which threshold of the step it answered (fraction of the limit used).</summary>
    public double? ReminderAt { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    /// <summary>The street the case lies on and the chief it is linked to (街巷长制), so a chief's feed reads only theirs.</summary>
    [MaxLength(16)] public string? StreetId { get; set; }
    [MaxLength(16)] public string? StreetChiefPersonId { get; set; }
}
