using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Changes;

/// <summary>
/// One change to the city or its rules (a zone drawn, a chief reassigned, a limit edited, an alert raised …), in the
/// append-only change log beside <c>case_events</c>. Every instance follows this log to reload what it caches and to
/// push the change to its screens; <see cref="Before"/> and <see cref="After"/> are the audit of the edit.
/// </summary>
public sealed class ChangeRow
{
    public long Seq { get; set; }
    /// <summary>What changed: <see cref="ChangeTopics"/>.</summary>
    [MaxLength(32)] public required string Topic { get; set; }
    [MaxLength(64)] public required string EntityId { get; set; }
    /// <summary>created, updated, retired, raised, cleared, acknowledged …</summary>
    [MaxLength(32)] public required string Action { get; set; }
    [MaxLength(64)] public required string Actor { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>JSON of the entity before and after the change (null when created or retired).</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}
