namespace CommandCenter.Web.Features.Citizen;

/// <summary>A hotline call in the operators' list: the caller's phone masked, the case it became and where it stands.</summary>
public sealed record HotlineCallView(
    Guid CaseId, string Number, string Source, string Status, string? Nature, string CategoryCode, string? MaskedPhone,
    DateTimeOffset ReportedAt, string? MasterNumber);
