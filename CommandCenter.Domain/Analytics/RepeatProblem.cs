namespace CommandCenter.Domain.Analytics;

/// <summary>
/// A repeat problem place: one category, the sightings within the rule's radius of its first (strongest) sighting,
/// their centre, how many reports they stand for at most (<see cref="PeakCount"/>) and when they were reported.
/// </summary>
public sealed record RepeatProblem(
    string CategoryCode,
    double Lon,
    double Lat,
    int PeakCount,
    IReadOnlyList<RepeatSighting> Sightings)
{
    public DateTimeOffset FirstAt => Sightings.Min(s => s.ReportedAt);
    public DateTimeOffset LastAt => Sightings.Max(s => s.ReportedAt);
}
