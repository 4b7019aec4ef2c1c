namespace CommandCenter.Web.Features.Citizen;

/// <summary>Body of <c>POST /api/public/reports</c>, the 随手拍 page's report (name and phone optional, for a call-back only).</summary>
public sealed record PublicReportRequest(
    string? Category, double? Lon, double? Lat, string? StreetId, string? Address, string? Description, Guid[]? PhotoIds,
    Dictionary<string, string[]>? Attributes, string? Name, string? Phone);
