namespace CommandCenter.Domain.Analytics;

/// <summary>A report as the repeat search sees it: which case, what category, where (lon/lat) and when.</summary>
public sealed record RepeatCandidate(Guid CaseId, string Number, string CategoryCode, double Lon, double Lat, DateTimeOffset ReportedAt);
