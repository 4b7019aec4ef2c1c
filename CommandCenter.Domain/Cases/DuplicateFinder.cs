using CommandCenter.Domain.Geography;
using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// Likely duplicates: an open case of the same category within 50 m, reported within the window
/// (<see cref="WorkflowSettings.DuplicateWindow"/>, 24 h by default as domain.md §4.3 #3 says).
/// </summary>
public static class DuplicateFinder
{
    public const double RadiusMetres = 50;

    /// <summary>Candidates nearest first.</summary>
    public static IReadOnlyList<(Case Case, double DistanceM)> Find(string categoryCode, Point location, DateTimeOffset reportedAt, TimeSpan window, IEnumerable<Case> candidates) =>
        candidates
            .Where(c => c.State.IsOpen() && c.CategoryCode == categoryCode
                && c.ReportedAt <= reportedAt && reportedAt - c.ReportedAt <= window)
            .Select(c => (Case: c, DistanceM: Geodesy.DistanceMetres(c.Location.Coordinate, location.Coordinate)))
            .Where(x => x.DistanceM <= RadiusMetres)
            .OrderBy(x => x.DistanceM)
            .ThenBy(x => x.Case.ReportedAt)
            .ToList();
}
