using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Enforcement;

/// <summary>
/// 违法记录: one offence of a party (<c>vendor:V0001</c>, <c>merchant:M0001</c>, <c>unregistered:苏A12345</c>), found in a
/// case, with what the 首违免罚 list made of it; the look-back of the next offence reads these rows.
/// </summary>
public sealed class PartyOffenceRow
{
    public Guid Id { get; set; }
    [MaxLength(120)] public required string Party { get; set; }
    [MaxLength(5)] public required string CategoryCode { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>The leniency item that covered it (LN01 …), if any.</summary>
    [MaxLength(16)] public string? ItemCode { get; set; }
    /// <summary>warning, penalty or not-applicable.</summary>
    [MaxLength(16)] public required string Outcome { get; set; }
    public DateTimeOffset? CorrectionDeadline { get; set; }
}
