using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Alerts;

/// <summary>
/// One alert for the people responsible now (an overdue case on a chief's street, a 督办, a kiosk running low …):
/// who it is for (an <see cref="Domain.Alerts.AlertAudience"/> address), what it is about, and when it was raised,
/// acknowledged, escalated or cleared. Raising, acknowledging and clearing also write a change-log row.
/// </summary>
public sealed class AlertRow
{
    public Guid Id { get; set; }
    /// <summary>escalation, supervision, chase, low-stock …</summary>
    [MaxLength(32)] public required string Kind { get; set; }
    /// <summary>An audience address: person:…, dept:…, kiosk:…, role:….</summary>
    [MaxLength(64)] public required string Recipient { get; set; }
    /// <summary>Escalation level (1 = the first person alerted).</summary>
    public int Level { get; set; } = 1;
    /// <summary>The same condition alerts once: e.g. "overdue:{caseId}:L3" or "low-stock:K01:water".</summary>
    [MaxLength(128)] public required string Key { get; set; }
    public Guid? CaseId { get; set; }
    [MaxLength(16)] public string? CaseNumber { get; set; }
    [MaxLength(16)] public string? KioskId { get; set; }
    [MaxLength(32)] public string? Item { get; set; }
    [MaxLength(16)] public string? StreetId { get; set; }
    /// <summary>The message's code and values, worded by each screen in its language.</summary>
    [MaxLength(64)] public required string MessageCode { get; set; }
    public string[] MessageArgs { get; set; } = [];
    public DateTimeOffset RaisedAt { get; set; }
    /// <summary>When the alert goes one level up if nobody acknowledges it (null: it does not).</summary>
    public DateTimeOffset? EscalatesAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    [MaxLength(64)] public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
    public Guid? EscalatedFrom { get; set; }
}
