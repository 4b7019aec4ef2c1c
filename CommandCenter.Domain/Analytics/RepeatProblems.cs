using CommandCenter.Domain.Geography;

namespace CommandCenter.Domain.Analytics;

/// <summary>Groups repeat sightings (found by the database) into places, so one hot corner is listed once, not once per report.</summary>
public static class RepeatProblems
{
    /// <summary>
    /// The reports from <paramref name="from"/> on that repeat a problem: with the reports of the same category within the
    /// rule's radius in the window up to them (the window's start and the report itself included), they number at least
    /// the rule's count. <paramref name="reports"/> must also hold the window before <paramref name="from"/>, so the
    /// first days of a period see their history. Reports are hashed into cells one radius wide, so each is compared
    /// only with the few in its own and the eight neighbouring cells.
    /// </summary>
    public static IReadOnlyList<RepeatSighting> Sightings(IEnumerable<RepeatCandidate> reports, RepeatProblemRule rule, DateTimeOffset from)
    {
        var sightings = new List<RepeatSighting>();
        foreach (var category in reports.GroupBy(r => r.CategoryCode, StringComparer.Ordinal))
        {
            var ordered = category.OrderBy(r => r.ReportedAt).ThenBy(r => r.Number, StringComparer.Ordinal).ToList();
            if (ordered.Count < rule.MinCount)
                continue;
            var latitude = ordered[0].Lat;
            var cellLon = Geodesy.DegreesLon(rule.RadiusMetres, latitude);
            var cellLat = Geodesy.DegreesLat(rule.RadiusMetres);
            var cells = new Dictionary<(long, long), Queue<RepeatCandidate>>();
            foreach (var report in ordered)
            {
                var cx = (long)Math.Floor(report.Lon / cellLon);
                var cy = (long)Math.Floor(report.Lat / cellLat);
                var count = 1;
                for (var dx = -1; dx <= 1; dx++)
                for (var dy = -1; dy <= 1; dy++)
                {
                    if (!cells.TryGetValue((cx + dx, cy + dy), out var queue))
                        continue;
                    while (queue.Count > 0 && queue.Peek().ReportedAt < report.ReportedAt - rule.Window)
                        queue.Dequeue();
                    count += queue.Count(q => Metres(q.Lon, q.Lat, report.Lon, report.Lat) <= rule.RadiusMetres);
                }
                if (count >= rule.MinCount && report.ReportedAt >= from)
                    sightings.Add(new RepeatSighting(report.CaseId, report.Number, report.CategoryCode, report.Lon, report.Lat, report.ReportedAt, count));
                if (!cells.TryGetValue((cx, cy), out var own))
                    cells[(cx, cy)] = own = new Queue<RepeatCandidate>();
                own.Enqueue(report);
            }
        }
        return sightings;
    }

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
