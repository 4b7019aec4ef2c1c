namespace CommandCenter.Web.Features.Cases;

/// <summary>Body of <c>POST /api/cases</c>.</summary>
public sealed record NewCaseRequest(
    double? Lon, double? Lat, string? Category, string? Description, string? Source,
    string? Address = null, string? Reporter = null, Guid[]? PhotoIds = null);

/// <summary>Body of <c>POST /api/cases/{id}/actions/{action}</c>; <c>version</c>, when sent, must match the case's current version.</summary>
public sealed record CaseActionRequest(
    string? Note = null, Guid[]? PhotoIds = null, string? Department = null, string? Reason = null,
    Guid? MasterCaseId = null, double? Extension = null, string? Resolution = null, string? Category = null, int? Version = null);
