namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// Body of <c>POST /api/hotline/calls</c>: a 12319/12345 call as the operator takes it. <see cref="AttachTo"/> names an open
/// case the call is about (the duplicate hint): the call is registered and merged into it in one step, so it stays on record.
/// </summary>
public sealed record HotlineCall(
    string? Source, string? Phone, string? Name, string? Nature, string? Category, double? Lon, double? Lat, string? StreetId,
    string? Address, string? Description, Guid[]? PhotoIds = null, Guid? AttachTo = null);
