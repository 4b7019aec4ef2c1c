using CommandCenter.Domain.Analytics;

namespace CommandCenter.Tests.Domain;

/// <summary>
/// 重复问题: the same category reported within 50 m of one place at least 3 times in 30 days. Fixtures are placed
/// north and east of 新街口 (118.7840, 32.0410) by metres: 1 m north is 1/110,574° of latitude, 1 m east
/// 1/(111,320 × cos 32.041°) = 1/94,366° of longitude (the equirectangular metres the rule uses).
/// </summary>
public sealed class RepeatProblemsTests
{
    private const double Lon = 118.7840, Lat = 32.0410;
    private const string Litter = "10101", Vending = "20506";
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly RepeatProblemRule Rule = RepeatProblemRule.Defaults;

    private static RepeatCandidate Report(int n, string category, double northM, double eastM, double days) =>
        new(new Guid(n, 0, 0, new byte[8]), $"20261101{n:D4}", category,
            Lon + eastM / (111_320 * Math.Cos(Lat * Math.PI / 180)), Lat + northM / 110_574.0, Start.AddDays(days));

    private static IReadOnlyList<RepeatSighting> Sightings(params RepeatCandidate[] reports) => RepeatProblems.Sightings(reports, Rule, Start);

    [Fact]
    public void The_rule_is_fifty_metres_three_times_thirty_days_by_default()
    {
        Assert.Equal((50, 3, TimeSpan.FromDays(30)), (Rule.RadiusMetres, Rule.MinCount, Rule.Window));
    }

    [Fact]
    public void The_third_report_of_a_category_within_fifty_metres_makes_a_repeat_problem()
    {
        // Reports 0, 20 and 40 m north on days 0, 5 and 12: the third has both others within 50 m (40 and 20 m) → 3.
        // The first two had only 1 and 2 by then, so they are no sightings themselves.
        var found = Sightings(Report(1, Litter, 0, 0, 0), Report(2, Litter, 20, 0, 5), Report(3, Litter, 40, 0, 12));

        var sighting = Assert.Single(found);
        Assert.Equal("202611010003", sighting.Number);
        Assert.Equal(3, sighting.NearbyCount);
    }

    [Fact]
    public void Two_reports_are_not_enough()
    {
        Assert.Empty(Sightings(Report(1, Litter, 0, 0, 0), Report(2, Litter, 10, 0, 1)));
    }

    [Fact]
    public void Another_category_at_the_same_spot_does_not_count()
    {
        // Two litter reports and one vending report on one spot: litter has 2, vending 1.
        Assert.Empty(Sightings(Report(1, Litter, 0, 0, 0), Report(2, Litter, 0, 0, 1), Report(3, Vending, 0, 0, 2)));
    }

    [Fact]
    public void Reports_further_than_fifty_metres_apart_are_other_places_even_in_a_chain()
    {
        // 0, 30 and 60 m north: the third is 30 m from the second but 60 m from the first → 2 nearby, no repeat.
        Assert.Empty(Sightings(Report(1, Litter, 0, 0, 0), Report(2, Litter, 30, 0, 1), Report(3, Litter, 60, 0, 2)));
        // 49 m and 49.9 m east of the first: both within 50 m of it and 0.9 m from each other → the third has 3.
        var near = Sightings(Report(1, Litter, 0, 0, 0), Report(2, Litter, 0, 49, 1), Report(3, Litter, 0, 49.9, 2));
        Assert.Equal(3, Assert.Single(near).NearbyCount);
    }

    [Fact]
    public void The_window_reaches_back_thirty_days_with_its_first_instant_included()
    {
        // Days 0, 10, 30: the first is exactly 30 days before the third — still inside the window → 3.
        Assert.Equal(3, Assert.Single(Sightings(Report(1, Litter, 0, 0, 0), Report(2, Litter, 0, 0, 10), Report(3, Litter, 0, 0, 30))).NearbyCount);
        // Days 0, 10, 30.5: the first has left the window → 2, no repeat.
        Assert.Empty(Sightings(Report(1, Litter, 0, 0, 0), Report(2, Litter, 0, 0, 10), Report(3, Litter, 0, 0, 30.5)));
    }

    [Fact]
    public void Reports_before_the_period_count_as_history_but_are_not_listed()
    {
        // Days −20 and −10 lie before the period (it starts at day 0); the report on day 2 is the third within 30 days.
        var found = RepeatProblems.Sightings(
            [Report(1, Vending, 0, 0, -20), Report(2, Vending, 5, 0, -10), Report(3, Vending, 10, 0, 2)], Rule, Start);

        var sighting = Assert.Single(found);
        Assert.Equal("202611010003", sighting.Number);
        Assert.Equal(3, sighting.NearbyCount);
    }

    [Fact]
    public void Sightings_count_every_earlier_report_in_reach_so_a_busy_corner_climbs()
    {
        // Five reports on one spot on days 0 … 4: the 3rd, 4th and 5th are sightings with 3, 4 and 5.
        var found = Sightings(Enumerable.Range(0, 5).Select(i => Report(i + 1, Litter, 0, 0, i)).ToArray());

        Assert.Equal([3, 4, 5], found.Select(s => s.NearbyCount));
    }

    [Fact]
    public void Sightings_of_one_corner_are_listed_as_one_place_and_a_distant_corner_as_another()
    {
        // Corner A (at 0, 10, 20, 30 m north, days 0–3): sightings on day 2 (3 nearby) and day 3 (4 nearby).
        // Corner B, 500 m east (days 5–7): one sighting with 3. Strongest first: A's 4 founds place A at 30 m north;
        // A's 3 (at 20 m, 10 m from it) joins A; B's 3 is 500 m away and founds B.
        var reports = new[]
        {
            Report(1, Litter, 0, 0, 0), Report(2, Litter, 10, 0, 1), Report(3, Litter, 20, 0, 2), Report(4, Litter, 30, 0, 3),
            Report(5, Litter, 0, 500, 5), Report(6, Litter, 5, 500, 6), Report(7, Litter, 10, 500, 7),
        };
        var places = RepeatProblems.Group(RepeatProblems.Sightings(reports, Rule, Start), Rule);

        Assert.Equal(2, places.Count);
        var a = places[0];
        Assert.Equal(4, a.PeakCount);
        Assert.Equal(["202611010004", "202611010003"], a.Sightings.Select(s => s.Number));
        // Centre: the mean of 20 and 30 m north = 25 m north of the origin.
        Assert.Equal(25, (a.Lat - Lat) * 110_574.0, 6);
        Assert.Equal(Start.AddDays(2), a.FirstAt);
        Assert.Equal(Start.AddDays(3), a.LastAt);
        var b = places[1];
        Assert.Equal((3, "202611010007"), (b.PeakCount, Assert.Single(b.Sightings).Number));
        Assert.Equal(Litter, b.CategoryCode);
    }

    [Fact]
    public void Places_of_different_categories_on_one_spot_stay_apart()
    {
        var reports = Enumerable.Range(0, 3).Select(i => Report(i + 1, Litter, 0, 0, i))
            .Concat(Enumerable.Range(0, 3).Select(i => Report(i + 11, Vending, 0, 0, i))).ToArray();
        var places = RepeatProblems.Group(RepeatProblems.Sightings(reports, Rule, Start), Rule);

        Assert.Equal([Litter, Vending], places.Select(p => p.CategoryCode).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Grouping_by_cells_finds_the_same_places_as_comparing_each_sighting_with_every_place()
    {
        // 3,000 sightings of 3 categories scattered over 600 m × 600 m: the cell-hashed grouping must give exactly the
        // places of the plain rule (each sighting, strongest first, joins the first-founded place within 50 m or founds one).
        var random = new Random(7);
        var sightings = Enumerable.Range(0, 3_000).Select(i =>
        {
            var r = Report(i, (i % 3) switch { 0 => Litter, 1 => Vending, _ => "20102" }, random.NextDouble() * 600, random.NextDouble() * 600, random.NextDouble() * 30);
            return new RepeatSighting(r.CaseId, r.Number, r.CategoryCode, r.Lon, r.Lat, r.ReportedAt, 3 + random.Next(4));
        }).ToList();

        var plain = new List<(string Category, double Lon, double Lat, List<string> Numbers)>();
        foreach (var s in sightings.OrderByDescending(s => s.NearbyCount).ThenBy(s => s.ReportedAt).ThenBy(s => s.Number, StringComparer.Ordinal))
        {
            var home = plain.FindIndex(p => p.Category == s.CategoryCode && RepeatProblems.Metres(p.Lon, p.Lat, s.Lon, s.Lat) <= Rule.RadiusMetres);
            if (home < 0)
                plain.Add((s.CategoryCode, s.Lon, s.Lat, [s.Number]));
            else
                plain[home].Numbers.Add(s.Number);
        }
        var grouped = RepeatProblems.Group(sightings, Rule);

        Assert.InRange(plain.Count, 100, 2_999); // the fixture really groups
        Assert.Equal(plain.Select(p => string.Join(",", p.Numbers)), grouped.Select(g => string.Join(",", g.Sightings.Select(s => s.Number))));
    }

    [Fact]
    public void Metres_between_two_points_are_equirectangular()
    {
        // 30 m north and 40 m east of each other: 50 m.
        var a = Report(1, Litter, 0, 0, 0);
        var b = Report(2, Litter, 30, 40, 0);

        Assert.Equal(50, RepeatProblems.Metres(a.Lon, a.Lat, b.Lon, b.Lat), 1);
    }
}
