using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Citizen;

/// <summary>
/// What a citizen or caller told us beyond the case itself: who they are (name, phone, email, device — staff only,
/// never in a public answer), the answers to the category's questions, the Open311 media link and key, the hotline
/// call's nature, the address the report came from, and the token that lets the reporter follow and rate the case.
/// </summary>
public sealed class CitizenReportRow
{
    public Guid CaseId { get; set; }
    [MaxLength(16)] public required string CaseNumber { get; set; }
    /// <summary>Open311 <c>token</c> and the key of the reporter's status link.</summary>
    [MaxLength(48)] public required string Token { get; set; }
    [MaxLength(100)] public string? Name { get; set; }
    [MaxLength(30)] public string? Phone { get; set; }
    [MaxLength(100)] public string? Email { get; set; }
    [MaxLength(100)] public string? DeviceId { get; set; }
    [MaxLength(100)] public string? AccountId { get; set; }
    /// <summary>The client address an anonymous report or an Open311 POST came from (for the block list).</summary>
    [MaxLength(64)] public string? ClientAddress { get; set; }
    public Guid? ApiKeyId { get; set; }
    /// <summary>Hotline calls: 求决/投诉/咨询/建议/感谢 as a <c>CallNature</c> slug.</summary>
    [MaxLength(16)] public string? Nature { get; set; }
    /// <summary>Answers to the category's questions as JSON (attribute code → values).</summary>
    public string? Attributes { get; set; }
    [MaxLength(500)] public string? MediaUrl { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}
