namespace CommandCenter.Web.Features.Cases;

/// <summary>
/// Body of <c>POST /api/cases</c>. A vending or frontage case may name its party for 首违免罚: a registered <c>vendorId</c>,
/// a <c>merchantId</c>, or a plate or short description (<c>party</c>) for one not registered.
/// </summary>
public sealed record NewCaseRequest(
    double? Lon, double? Lat, string? Category, string? Description, string? Source,
    string? Address = null, string? Reporter = null, Guid[]? PhotoIds = null,
    string? VendorId = null, string? MerchantId = null, string? Party = null);

/// <summary>Body of <c>POST /api/cases/{id}/actions/{action}</c>; <c>version</c>, when sent, must match the case's current version.</summary>
public sealed record CaseActionRequest(
    string? Note = null, Guid[]? PhotoIds = null, string? Department = null, string? Reason = null,
    Guid? MasterCaseId = null, double? Extension = null, string? Resolution = null, string? Category = null, int? Version = null);
