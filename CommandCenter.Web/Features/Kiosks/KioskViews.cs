namespace CommandCenter.Web.Features.Kiosks;

/// <summary>A kiosk as the API, the map drawer and the phone view show it: what it offers, whether it is open now, its stock and who is on duty.</summary>
public sealed record KioskView(
    string Id, string Name, string Kind, int KioskClass, IReadOnlyList<string> Services, string Hours, bool Is24h, bool HasToilet, double RadiusM,
    string Department, string? Phone, double Lon, double Lat, bool OpenNow, IReadOnlyList<SupplyView> Supplies, IReadOnlyList<StaffView> Staff, int Version);

/// <summary>One stocked item: low when the stock is at or below the threshold.</summary>
public sealed record SupplyView(string Item, int Stock, int Threshold, bool Low);

/// <summary>Someone checked in at the kiosk now.</summary>
public sealed record StaffView(string UserName, string DisplayName, DateTimeOffset Since);

/// <summary>One line of the kiosk's service log.</summary>
public sealed record KioskLogView(Guid Id, string Kind, string? Note, string Actor, DateTimeOffset At, Guid? CaseId, string? CaseNumber);

/// <summary>Body of <c>PUT /api/kiosks/{id}</c>: the kiosk's services, hours (or 24 h), class, toilet, service radius and supervising department.</summary>
public sealed record KioskInput(
    string? Name, string[]? Services, string? Hours, bool Is24h, int? KioskClass, bool HasToilet, double RadiusM, string? Department, string? Phone,
    int? Version = null);

/// <summary>Body of <c>PUT /api/kiosks/{id}/supplies/{item}</c>: the stock counted now, and optionally a new threshold (required for a new item).</summary>
public sealed record SupplyInput(int? Stock, int? Threshold = null);

/// <summary>
/// Body of <c>POST /api/kiosks/{id}/log</c>: what was done (consultation, permit, directions, complaint, firstAid), a note, and for a
/// complaint whether it becomes a case at once (optionally with its category and place; else 20599 at the kiosk).
/// </summary>
public sealed record KioskLogInput(string? Kind, string? Note, bool CreateCase = false, string? Category = null, double? Lon = null, double? Lat = null);

/// <summary>The answer of a log entry: the line and, for a complaint made a case, the case.</summary>
public sealed record KioskLogResult(KioskLogView Entry, Guid? CaseId, string? CaseNumber);

/// <summary>Which unit grids no open kiosk serves at that time.</summary>
public sealed record CoverageView(DateTimeOffset At, string Local, int Grids, int OpenKiosks, IReadOnlyList<string> Uncovered);
