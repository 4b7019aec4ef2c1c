namespace CommandCenter.Web.Features.Alerts;

/// <summary>An alert as the bell, the list and the API show it.</summary>
public sealed record AlertView(
    Guid Id, string Kind, string Recipient, int Level, Guid? CaseId, string? CaseNumber, string? KioskId, string? Item, string? StreetId,
    string MessageCode, string[] MessageArgs, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? ClearedAt)
{
    public static AlertView From(Data.Alerts.AlertRow a) => new(a.Id, a.Kind, a.Recipient, a.Level, a.CaseId, a.CaseNumber, a.KioskId, a.Item, a.StreetId,
        a.MessageCode, a.MessageArgs, a.RaisedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.ClearedAt);

    public bool IsOpen => AcknowledgedAt is null && ClearedAt is null;
}
