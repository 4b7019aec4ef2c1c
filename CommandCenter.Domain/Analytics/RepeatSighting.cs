namespace CommandCenter.Domain.Analytics;

/// <summary>One report that makes a place a repeat problem: it had at least the rule's count of same-category reports (itself included) nearby in the window before it.</summary>
public sealed record RepeatSighting(Guid CaseId, string Number, string CategoryCode, double Lon, double Lat, DateTimeOffset ReportedAt, int NearbyCount);
