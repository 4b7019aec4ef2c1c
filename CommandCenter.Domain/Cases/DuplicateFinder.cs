using CommandCenter.Domain.Geography;
using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Cases;

/// <summary>Likely duplicates: an open case of the same category within 50 m, reported in the last 72 hours.</summary>
public static class DuplicateFinder
{
    public const double RadiusMetres = 50;
    public static readonly TimeSpan Window = TimeSpan.FromHours(72);

    /// <summary>Candidates nearest first.</summary>
    public static IReadOnlyList<(Case Case, double DistanceM)> Find(string categoryCode, Point location, DateTimeOffset reportedAt, IEnumerable<Case> candidates) =>
        candidates
            .Where(c => c.State.IsOpen() && c.CategoryCode == categoryCode
                && c.ReportedAt <= reportedAt && reportedAt - c.ReportedAt <= Window)
            .Select(c => (Case: c, DistanceM: Geodesy.DistanceMetres(c.Location.Coordinate, location.Coordinate)))
            .Where(x => x.DistanceM <= RadiusMetres)
            .OrderBy(x => x.DistanceM)
            .ThenBy(x => x.Case.ReportedAt)
            .ToList();
}
