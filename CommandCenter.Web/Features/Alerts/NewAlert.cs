namespace CommandCenter.Web.Features.Alerts;

/// <summary>What raising an alert needs: kind, recipient address, the key of its condition, and its message.</summary>
public sealed record NewAlert(string Kind, string Recipient, string Key, string MessageCode, params string[] MessageArgs)
{
    public int Level { get; init; } = 1;
    public Guid? CaseId { get; init; }
    public string? CaseNumber { get; init; }
    public string? KioskId { get; init; }
    public string? Item { get; init; }
    public string? StreetId { get; init; }
    /// <summary>When it goes one level up if nobody acknowledges it.</summary>
    public DateTimeOffset? EscalatesAt { get; init; }
    public Guid? EscalatedFrom { get; init; }
}
