using CommandCenter.Domain.Geography;

namespace CommandCenter.Domain.Analytics;

/// <summary>Groups repeat sightings (found by the database) into places, so one hot corner is listed once, not once per report.</summary>
public static class RepeatProblems
{
    /// <summary>
    /// Strongest sightings first (most nearby reports, then earliest, then number): each starts a place unless a
    /// place of its category already lies within the radius of it, which it then joins. Places come out strongest
    /// first; the centre is the mean of the sightings' positions.
    /// </summary>
    public static IReadOnlyList<RepeatProblem> Group(IEnumerable<RepeatSighting> sightings, RepeatProblemRule rule)
    {
        var places = new List<(string Category, double Lon, double Lat, List<RepeatSighting> Members)>();
        foreach (var s in sightings.OrderByDescending(s => s.NearbyCount).ThenBy(s => s.ReportedAt).ThenBy(s => s.Number, StringComparer.Ordinal))
        {
            var home = places.FindIndex(p => p.Category == s.CategoryCode && Metres(p.Lon, p.Lat, s.Lon, s.Lat) <= rule.RadiusMetres);
            if (home < 0)
                places.Add((s.CategoryCode, s.Lon, s.Lat, [s]));
            else
                places[home].Members.Add(s);
        }
        return places
            .Select(p => new RepeatProblem(p.Category, p.Members.Average(m => m.Lon), p.Members.Average(m => m.Lat), p.Members.Max(m => m.NearbyCount), p.Members))
            .ToList();
    }

    /// <summary>Metres between two lon/lat points (local equirectangular, as <see cref="Geodesy"/>).</summary>
    public static double Metres(double lon1, double lat1, double lon2, double lat2)
    {
        var midLat = (lat1 + lat2) / 2;
        var dx = Geodesy.DegreesToMetresLon(lon2 - lon1, midLat);
        var dy = Geodesy.DegreesToMetresLat(lat2 - lat1);
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
