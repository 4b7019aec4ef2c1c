using CommandCenter.Domain.Geography;

namespace CommandCenter.Domain.Analytics;

/// <summary>Groups repeat sightings (found by the database) into places, so one hot corner is listed once, not once per report.</summary>
public static class RepeatProblems
{
    // Cells slightly wider than the radius, so the latitude a cell's width is taken at does not matter across a city.
    private const double CellMargin = 1.01;

    /// <summary>
    /// The reports from <paramref name="from"/> on that repeat a problem: with the reports of the same category within the
    /// rule's radius in the window up to them (the window's start and the report itself included), they number at least
    /// the rule's count. <paramref name="reports"/> must also hold the window before <paramref name="from"/>, so the
    /// first days of a period see their history. Reports are hashed into cells one radius wide, so each is compared
    /// only with the few in its own and the eight neighbouring cells; distances are taken in metres on a plane through
    /// the category's first report (within 0.1 % of <see cref="Metres"/> across a city, and no trigonometry per pair:
    /// a hot corner of a year has a few hundred reports in reach of each other).
    /// </summary>
    public static IReadOnlyList<RepeatSighting> Sightings(IEnumerable<RepeatCandidate> reports, RepeatProblemRule rule, DateTimeOffset from)
    {
        var sightings = new List<RepeatSighting>();
        var radius2 = rule.RadiusMetres * rule.RadiusMetres;
        var cell = rule.RadiusMetres * CellMargin;
        foreach (var category in reports.GroupBy(r => r.CategoryCode, StringComparer.Ordinal))
        {
            var ordered = category.OrderBy(r => r.ReportedAt).ThenBy(r => r.Number, StringComparer.Ordinal).ToList();
            if (ordered.Count < rule.MinCount)
                continue;
            var metresLon = Geodesy.DegreesToMetresLon(1, ordered[0].Lat);
            var metresLat = Geodesy.DegreesToMetresLat(1);
            var cells = new Dictionary<(long, long), Queue<(double X, double Y, DateTimeOffset At)>>();
            foreach (var report in ordered)
            {
                var (x, y) = (report.Lon * metresLon, report.Lat * metresLat);
                var cx = (long)Math.Floor(x / cell);
                var cy = (long)Math.Floor(y / cell);
                var windowStart = report.ReportedAt - rule.Window;
                var count = 1;
                for (var dx = -1; dx <= 1; dx++)
                for (var dy = -1; dy <= 1; dy++)
                {
                    if (!cells.TryGetValue((cx + dx, cy + dy), out var queue))
                        continue;
                    while (queue.Count > 0 && queue.Peek().At < windowStart)
                        queue.Dequeue();
                    foreach (var q in queue)
                    {
                        var (ex, ey) = (q.X - x, q.Y - y);
                        if (ex * ex + ey * ey <= radius2)
                            count++;
                    }
                }
                if (count >= rule.MinCount && report.ReportedAt >= from)
                    sightings.Add(new RepeatSighting(report.CaseId, report.Number, report.CategoryCode, report.Lon, report.Lat, report.ReportedAt, count));
                if (!cells.TryGetValue((cx, cy), out var own))
                    cells[(cx, cy)] = own = new Queue<(double, double, DateTimeOffset)>();
                own.Enqueue((x, y, report.ReportedAt));
            }
        }
        return sightings;
    }

    /// <summary>
    /// Strongest sightings first (most nearby reports, then earliest, then number): each starts a place unless a
    /// place of its category already lies within the radius of it, which it then joins (the first such place founded).
    /// Places come out strongest first; the centre is the mean of the sightings' positions. Places are hashed into
    /// cells a little over one radius wide, so a sighting is compared only with the places in its own and the eight
    /// neighbouring cells (a year of the demo city has thousands of places: comparing with all was quadratic).
    /// </summary>
    public static IReadOnlyList<RepeatProblem> Group(IEnumerable<RepeatSighting> sightings, RepeatProblemRule rule)
    {
        var places = new List<(string Category, double Lon, double Lat, List<RepeatSighting> Members)>();
        var cells = new Dictionary<(string Category, long X, long Y), List<int>>();
        double cellLon = 0, cellLat = Geodesy.DegreesLat(rule.RadiusMetres * CellMargin);
        foreach (var s in sightings.OrderByDescending(s => s.NearbyCount).ThenBy(s => s.ReportedAt).ThenBy(s => s.Number, StringComparer.Ordinal))
        {
            if (cellLon == 0)
                cellLon = Geodesy.DegreesLon(rule.RadiusMetres * CellMargin, s.Lat);
            var cx = (long)Math.Floor(s.Lon / cellLon);
            var cy = (long)Math.Floor(s.Lat / cellLat);
            var home = -1;
            for (var dx = -1; dx <= 1; dx++)
            for (var dy = -1; dy <= 1; dy++)
            {
                if (!cells.TryGetValue((s.CategoryCode, cx + dx, cy + dy), out var near))
                    continue;
                foreach (var i in near)
                {
                    if ((home < 0 || i < home) && Metres(places[i].Lon, places[i].Lat, s.Lon, s.Lat) <= rule.RadiusMetres)
                        home = i;
                }
            }
            if (home >= 0)
            {
                places[home].Members.Add(s);
                continue;
            }
            places.Add((s.CategoryCode, s.Lon, s.Lat, [s]));
            if (!cells.TryGetValue((s.CategoryCode, cx, cy), out var own))
                cells[(s.CategoryCode, cx, cy)] = own = [];
            own.Add(places.Count - 1);
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
