using System.Globalization;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Rules;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace CommandCenter.Web.Features.History;

/// <summary>
/// A year (or any number of months) of cases in the demo city, deterministic for a seed: each day's volume follows
/// the month and weekday, each case gets a category, source, hour and place from <see cref="HistoryMix"/>, and is
/// then worked through <see cref="CaseWorkflow"/> by the demo staff — accepted, verified, filed, dispatched (now and
/// then to the wrong department and returned), handled late or on time by its department's habit, extended, shelved,
/// checked and reworked, closed with a 721 tag, or fixed on the spot by the grid member who found it; 催办/督办 fire
/// as the clock would have fired them. Case numbers continue each day's counter (<paramref name="counters"/>).
/// </summary>
public sealed class HistoryGenerator(GridIndex city, CaseRulesProvider.Snapshot rules, HistoryStaff staff, CityClock clock)
{
    private static readonly GeometryFactory Geo = new(new PrecisionModel(), Data.CommandCenterDb.Srid);
    private const int HotspotCount = 36;

    /// <summary>Generates the cases reported from <c>options.Months</c> months before <c>options.Until</c> up to it, oldest first.</summary>
    public IReadOnlyList<HistoryCase> Generate(HistoryOptions options, IReadOnlyDictionary<DateOnly, int> counters)
    {
        var random = new Random(options.Seed);
        var grids = city.City.UnitGrids.Where(g => staff.GridMembers.ContainsKey(g.DutyGridCode)).ToList();
        if (grids.Count == 0)
        {
            throw new InvalidOperationException("No unit grid has a grid member account: import the city and seed the demo users first.");
        }
        var prepared = grids.ToDictionary(g => g.Code, g => PreparedGeometryFactory.Prepare(g.Shape), StringComparer.Ordinal);
        var subdistrictFactor = city.City.Subdistricts.OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select((s, i) => (s.Code, Factor: 0.7 + 0.15 * ((i * 7) % 5))).ToDictionary(x => x.Code, x => x.Factor, StringComparer.Ordinal);
        // Busy grids (shopping streets, markets) see several times the quiet ones' cases.
        var gridWeights = grids.Select(_ => 0.4 + 2.2 * Math.Pow(random.NextDouble(), 2)).ToArray();
        var categories = rules.Categories.Keys.Order(StringComparer.Ordinal).ToList();
        var hotspots = Hotspots(random, grids, gridWeights, prepared, categories);
        var onTheSpotScale = OnTheSpotScale(categories);

        var untilLocal = ToLocal(options.Until);
        var firstDay = DateOnly.FromDateTime(untilLocal).AddMonths(-options.Months).AddDays(1);
        var lastDay = DateOnly.FromDateTime(untilLocal);
        var perDay = options.CasesPerYear / 365.2425;
        var next = new Dictionary<DateOnly, int>(counters);
        var lastClosedAtSpot = new Dictionary<int, (DateTimeOffset ClosedAt, Guid Id)>();
        var cases = new List<HistoryCase>();
        var days = lastDay.DayNumber - firstDay.DayNumber + 1;
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var expected = perDay * HistoryMix.MonthFactor(day.Month) * HistoryMix.WeekdayFactor(day.DayOfWeek);
            var count = Math.Max(0, (int)Math.Round(expected * (1 + 0.08 * Gaussian(random))));
            var drafts = Enumerable.Range(0, count).Select(_ => Draft(random, day, categories, grids, gridWeights, prepared, hotspots, subdistrictFactor))
                .Where(d => d.ReportedAt <= options.Until)
                .OrderBy(d => d.ReportedAt).ToList();
            foreach (var draft in drafts)
            {
                var number = next.GetValueOrDefault(day) + 1;
                next[day] = number;
                var simulated = Simulate(draft, day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + number.ToString("D4", CultureInfo.InvariantCulture),
                    options.Until, onTheSpotScale, lastClosedAtSpot);
                cases.Add(simulated);
            }
            var done = day.DayNumber - firstDay.DayNumber + 1;
            if (done % 30 == 0 || day == lastDay)
            {
                options.Progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"generated {day:yyyy-MM-dd}: {done}/{days} days, {cases.Count:N0} cases, {cases.Sum(c => c.Events.Count):N0} events"));
            }
        }
        return cases;
    }

    /// <summary>A reported problem before the workflow: what, where, when, from whom.</summary>
    private sealed record DraftCase(Guid Id, int Seed, string Category, CaseSource Source, Point Location, UnitGrid Grid, DateTimeOffset ReportedAt,
        int? Hotspot, double SubdistrictFactor);

    private sealed record Hotspot(string Category, UnitGrid Grid, Point Centre, bool SummerOnly);

    private DraftCase Draft(Random random, DateOnly day, List<string> categories, List<UnitGrid> grids, double[] gridWeights,
        Dictionary<string, IPreparedGeometry> prepared, List<Hotspot> hotspots, Dictionary<string, double> subdistrictFactor)
    {
        var month = day.Month;
        var category = Pick(random, categories, c => HistoryMix.CategoryWeights.GetValueOrDefault(c, HistoryMix.OtherCategoryWeight) * HistoryMix.SeasonFactor(c, month));
        var summerVending = HistoryMix.Vending.Contains(category) && month is >= 6 and <= 9;
        var source = Pick(random, HistoryMix.Sources, s => s.Weight).Source;
        if (source == CaseSource.RoadDirector && staff.RoadDirector is null)
        {
            source = CaseSource.Patrol;
        }
        var hour = Pick(random, Enumerable.Range(0, 24).ToList(), h => HistoryMix.HourWeight(source, h, summerVending));
        var local = day.ToDateTime(new TimeOnly(hour, 0)).AddSeconds(random.Next(3600));
        int? spot = null;
        UnitGrid grid;
        Point location;
        var candidates = HistoryMix.RepeatProne.Contains(category)
            ? hotspots.Select((h, i) => (h, i)).Where(x => x.h.Category == category && (!x.h.SummerOnly || month is >= 5 and <= 10)).ToList()
            : [];
        if (candidates.Count > 0 && random.NextDouble() < 0.22)
        {
            var (h, i) = candidates[random.Next(candidates.Count)];
            spot = i;
            grid = h.Grid;
            location = Jitter(random, h.Centre, 25, prepared[grid.Code]) ?? h.Centre;
        }
        else
        {
            grid = grids[PickIndex(random, gridWeights)];
            location = PointIn(random, grid, prepared[grid.Code]);
        }
        return new DraftCase(NewGuid(random), random.Next(), category, source, location, grid, ToInstant(local), spot,
            subdistrictFactor.GetValueOrDefault(grid.SubdistrictCode, 1));
    }

    private HistoryCase Simulate(DraftCase d, string number, DateTimeOffset until, double onTheSpotScale,
        Dictionary<int, (DateTimeOffset ClosedAt, Guid Id)> lastClosedAtSpot)
    {
        var random = new Random(d.Seed);
        var category = rules.Categories[d.Category];
        var street = city.NearestStreet(d.Location);
        var community = city.City.Communities.FirstOrDefault(c => c.Code == d.Grid.CommunityCode);
        var address = street?.Street.Name ?? community?.Name.Replace("社区居委会", "社区", StringComparison.Ordinal);
        var reporter = ReporterOf(d);
        var c = new Case
        {
            Id = d.Id, Number = number, State = CaseState.Draft, CategoryCode = d.Category, Source = d.Source,
            Description = $"{category.Name} · {address}", Address = address, Reporter = reporter.DisplayName, Location = d.Location,
            GridCode = d.Grid.Code, DutyGridCode = d.Grid.DutyGridCode, CommunityCode = d.Grid.CommunityCode, SubdistrictCode = d.Grid.SubdistrictCode,
            StreetName = street?.Street.Name, StreetChief = street?.Street.ChiefName, StreetId = street?.Street.Id, StreetChiefPersonId = street?.Street.ChiefId,
            DepartmentCode = category.DepartmentCode, ReportedAt = d.ReportedAt, UpdatedAt = d.ReportedAt,
        };
        if (d.Hotspot is { } spot && lastClosedAtSpot.TryGetValue(spot, out var earlier) && earlier.ClosedAt < d.ReportedAt)
        {
            c.RelatedCaseId = earlier.Id;
        }
        var sim = new CaseSimulation(c, rules, until);
        sim.Report(reporter, d.ReportedAt);
        var member = staff.GridMembers[c.DutyGridCode];
        var habit = HistoryMix.HabitOf(category.DepartmentCode);
        var lateness = Math.Min(0.9, habit.Late * d.SubdistrictFactor);

        var finder = c.Source == CaseSource.Patrol ? member : c.Source == CaseSource.RoadDirector ? staff.RoadDirector : null;
        var fixedOnTheSpot = finder is not null && random.NextDouble() < HistoryMix.OnTheSpotAffinity(c.CategoryCode) * onTheSpotScale;
        if (fixedOnTheSpot)
        {
            sim.Act(CaseAction.SelfHandle, finder!, sim.Now.AddMinutes(2 + random.Next(8)));
            var reviewer = Desk(staff.Intake, sim.Now);
            var reviewAt = DeskTime(random, sim.Now, 30, Speed(staff.Intake, reviewer));
            if (random.NextDouble() < 0.96)
            {
                sim.Act(CaseAction.ApproveSelfHandled, reviewer, reviewAt,
                    new CaseActionInput { Resolution = HistoryMix.ResolutionOf(c.CategoryCode, random.NextDouble(), onTheSpot: true) });
                Finish(sim, random, d, habit, until, lastClosedAtSpot);
                return new HistoryCase(c, sim.Events);
            }
            sim.Act(CaseAction.RejectSelfHandled, reviewer, reviewAt);
        }
        else
        {
            var clerk = Desk(staff.Intake, sim.Now);
            sim.Act(CaseAction.Accept, clerk, DeskTime(random, sim.Now, 10, Speed(staff.Intake, clerk)));
            if (c.State == CaseState.Verifying)
            {
                var verifyAt = FieldTime(random, sim.Now, CaseStep.Verify, 0.9);
                if (random.NextDouble() < 0.07)
                {
                    sim.Act(CaseAction.VerifyFalse, member, verifyAt);
                    sim.Leave();
                    return new HistoryCase(c, sim.Events);
                }
                sim.Act(CaseAction.Verify, member, verifyAt);
            }
        }
        if (!sim.Running)
        {
            sim.Leave();
            return new HistoryCase(c, sim.Events);
        }

        // 立案 (or not): the shift leader files most, declines duplicates and out-of-scope reports.
        var lead = Desk(staff.ShiftLeads, sim.Now);
        var fileAt = DeskTime(random, sim.Now, 15, Speed(staff.ShiftLeads, lead));
        if (random.NextDouble() < 0.025)
        {
            sim.Act(CaseAction.Reject, lead, fileAt, new CaseActionInput { Reason = random.NextDouble() < 0.6 ? "duplicate" : "out-of-scope" });
            sim.Leave();
            return new HistoryCase(c, sim.Events);
        }
        sim.Act(CaseAction.File, lead, fileAt);

        var dispatcher = Desk(staff.Dispatchers, sim.Now);
        var dispatchAt = DeskTime(random, sim.Now, 15, Speed(staff.Dispatchers, dispatcher));
        if (random.NextDouble() < 0.008)
        {
            // A filed case turns out not to be one: the dispatcher asks, the shift leader voids it (lowers 准确立案率).
            sim.Act(CaseAction.RequestVoid, dispatcher, dispatchAt);
            sim.Act(CaseAction.ApproveVoid, Desk(staff.ShiftLeads, sim.Now), DeskTime(random, sim.Now, 30, 1));
            sim.Leave();
            return new HistoryCase(c, sim.Events);
        }
        var right = category.DepartmentCode;
        var misrouted = random.NextDouble() < 0.045 && staff.Handlers.Count > 1;
        var first = misrouted ? staff.Handlers.Keys.Where(k => k != right).OrderBy(k => k, StringComparer.Ordinal).ElementAt(random.Next(staff.Handlers.Count - 1)) : right;
        sim.Act(CaseAction.Dispatch, dispatcher, dispatchAt, new CaseActionInput { Department = first });
        if (misrouted)
        {
            // 回退: not ours; the dispatcher re-dispatches to the right unit (counts against 准确派遣率).
            sim.Act(CaseAction.Return, HandlerOf(first), sim.Now.AddMinutes(20 + random.Next(180)));
            sim.Act(CaseAction.ApproveReturn, Desk(staff.Dispatchers, sim.Now), DeskTime(random, sim.Now, 30, 1), new CaseActionInput { Department = right });
        }
        else if (random.NextDouble() < 0.012)
        {
            sim.Act(CaseAction.Return, HandlerOf(first), sim.Now.AddMinutes(30 + random.Next(120)));
            sim.Act(CaseAction.DenyReturn, Desk(staff.Dispatchers, sim.Now), DeskTime(random, sim.Now, 30, 1));
        }

        for (var round = 0; sim.Running && c.State == CaseState.Dispatched; round++)
        {
            Handle(sim, random, c, habit, lateness, round);
            if (!sim.Running || c.State != CaseState.Handled)
            {
                break;
            }
            var sender = Desk(staff.Intake, sim.Now);
            sim.Act(CaseAction.SendCheck, sender, DeskTime(random, sim.Now, 15, Speed(staff.Intake, sender)));
            var checkAt = FieldTime(random, sim.Now, CaseStep.Check, 0.9);
            var fails = random.NextDouble() < habit.Rework * (round == 0 ? 1 : 0.3);
            sim.Act(fails ? CaseAction.CheckFail : CaseAction.CheckPass, member, checkAt);
        }
        if (sim.Running && c.State == CaseState.PendingClose)
        {
            var closer = Desk(staff.ShiftLeads, sim.Now);
            sim.Act(CaseAction.Close, closer, DeskTime(random, sim.Now, 30, Speed(staff.ShiftLeads, closer)),
                new CaseActionInput { Resolution = HistoryMix.ResolutionOf(c.CategoryCode, random.NextDouble(), onTheSpot: false) });
        }
        Finish(sim, random, d, habit, until, lastClosedAtSpot);
        return new HistoryCase(c, sim.Events);
    }

    /// <summary>One round of handling: maybe an extension or shelving first, then 处置反馈 on time or late by the department's habit.</summary>
    private void Handle(CaseSimulation sim, Random random, Case c, HistoryMix.DepartmentHabit habit, double lateness, int round)
    {
        var handler = HandlerOf(c.DepartmentCode!);
        var start = sim.Now;
        var deadline = c.StepDeadline!.Value;
        if (round == 0 && random.NextDouble() < habit.Shelve)
        {
            sim.Act(CaseAction.RequestShelve, handler, Between(random, start, deadline, 0.1, 0.5));
            sim.Act(CaseAction.ApproveShelve, Desk(staff.Dispatchers, sim.Now), DeskTime(random, sim.Now, 60, 1));
            sim.Act(CaseAction.Restore, Desk(staff.Dispatchers, sim.Now), sim.Now.AddDays(3 + random.Next(25)));
            if (!sim.Running)
            {
                return;
            }
            start = sim.Now;
            deadline = c.StepDeadline!.Value;
        }
        else if (round == 0 && random.NextDouble() < habit.Extension && Between(random, start, deadline, 0.3, 0.8) is var asked
                 && asked > sim.Now.AddMinutes(1) && asked < deadline.AddMinutes(-1))
        {
            sim.Act(CaseAction.RequestExtension, handler, asked,
                new CaseActionInput { Extension = Math.Max(1, Math.Round((c.StepLimitValue ?? 2) * 0.5)) });
            if (!sim.Running)
            {
                return;
            }
            var decider = Desk(staff.Dispatchers, sim.Now);
            var decideAt = DeskTime(random, sim.Now, 30, 1);
            if (random.NextDouble() < 0.85)
            {
                sim.Act(CaseAction.ApproveExtension, decider, decideAt);
            }
            else
            {
                sim.Act(CaseAction.DenyExtension, decider, decideAt);
            }
            if (!sim.Running)
            {
                return;
            }
            deadline = c.StepDeadline!.Value;
        }
        var late = random.NextDouble() < lateness;
        var at = late
            ? deadline + (deadline - start) * (0.05 + 1.5 * random.NextDouble()) + TimeSpan.FromMinutes(5)
            : Between(random, start, deadline, 0.15, 0.97);
        // Crews work by day: a fix that would fall in the night is reported the next morning.
        sim.Act(CaseAction.Handle, handler, Night(at) is { } morning ? morning.AddMinutes(30 + random.Next(90)) : at);
    }

    /// <summary>After the last action: the reporter's 回访 answer, the 首违免罚 outcome, reminders to the end, and the place's latest close.</summary>
    private static void Finish(CaseSimulation sim, Random random, DraftCase d, HistoryMix.DepartmentHabit habit, DateTimeOffset until,
        Dictionary<int, (DateTimeOffset ClosedAt, Guid Id)> lastClosedAtSpot)
    {
        sim.Leave();
        var c = sim.Case;
        if (c.State != CaseState.Closed)
        {
            return;
        }
        if (HistoryMix.LeniencyCategories.Contains(c.CategoryCode) && c.Resolution == Resolution721.Enforcement)
        {
            c.LeniencyOutcome = random.NextDouble() < 0.64 ? "warning" : "penalty";
        }
        var publicReport = c.Source is CaseSource.Public or CaseSource.Hotline12319 or CaseSource.Hotline12345 or CaseSource.Open311 or CaseSource.Kiosk;
        var answeredAt = c.ClosedAt!.Value.AddHours(4 + random.Next(44));
        if (publicReport && answeredAt <= until && random.NextDouble() < 0.86)
        {
            var u = random.NextDouble();
            var dissatisfied = habit.Dissatisfied * (c.ReworkCount > 0 ? 3 : 1) * (c.HandlingOnTime == false ? 2 : 1);
            c.Satisfaction = u < dissatisfied ? "dissatisfied" : u < dissatisfied + 0.11 ? "basic" : "satisfied";
            c.SatisfactionAt = answeredAt;
        }
        if (d.Hotspot is { } spot && (!lastClosedAtSpot.TryGetValue(spot, out var known) || known.ClosedAt < c.ClosedAt))
        {
            lastClosedAtSpot[spot] = (c.ClosedAt!.Value, c.Id);
        }
    }

    private Actor ReporterOf(DraftCase d) => d.Source switch
    {
        CaseSource.Patrol => staff.GridMembers[d.Grid.DutyGridCode],
        CaseSource.RoadDirector => staff.RoadDirector!,
        _ => Desk(staff.Intake, d.ReportedAt),
    };

    private Actor HandlerOf(string department) => staff.Handlers.TryGetValue(department, out var h) ? h : staff.Handlers.Values.First();

    /// <summary>Desk shifts: 07:00–15:00 and 15:00–23:00, the team rotating by day, so everyone works early and late shifts.</summary>
    private Actor Desk(IReadOnlyList<Actor> team, DateTimeOffset at)
    {
        var local = ToLocal(at);
        var shift = local.Hour >= 15 ? 1 : 0;
        return team[(DateOnly.FromDateTime(local).DayNumber * 2 + shift) % team.Count];
    }

    /// <summary>Desk clerks differ: the first is quick, the third slower (their on-time share of a desk step).</summary>
    private static double Speed(IReadOnlyList<Actor> team, Actor who) => (team.ToList().IndexOf(who) % 4) switch
    {
        0 => 0.97, 1 => 0.93, 2 => 0.86, _ => 0.95,
    };

    /// <summary>
    /// When a desk takes its step limited to <paramref name="limitMinutes"/> natural minutes: usually in time, sometimes
    /// late; the desks are staffed 07:00–23:00, so a night report waits for the morning shift.
    /// </summary>
    private DateTimeOffset DeskTime(Random random, DateTimeOffset from, double limitMinutes, double onTime)
    {
        if (Night(from) is { } morning)
        {
            return morning.AddMinutes(1 + random.Next(40));
        }
        var u = random.NextDouble();
        var minutes = random.NextDouble() < onTime ? limitMinutes * (0.08 + 0.6 * u * u) : limitMinutes * (1.05 + 2 * u);
        return from.AddMinutes(minutes);
    }

    /// <summary>The next morning's 07:00 when <paramref name="at"/> falls in the night (23:00–07:00), else null.</summary>
    private DateTimeOffset? Night(DateTimeOffset at)
    {
        var local = ToLocal(at);
        if (local.Hour is >= 7 and < 23)
        {
            return null;
        }
        return ToInstant((local.Hour >= 23 ? local.Date.AddDays(1) : local.Date).AddHours(7));
    }

    /// <summary>When the grid member answers a 核实/核查 task: within the working-hour limit mostly.</summary>
    private DateTimeOffset FieldTime(Random random, DateTimeOffset from, CaseStep step, double onTime)
    {
        var deadline = rules.Clock.Deadline(from, rules.Steps.For(step));
        var at = random.NextDouble() < onTime
            ? Between(random, from, deadline, 0.1, 0.95)
            : deadline + (deadline - from) * (0.05 + random.NextDouble());
        return Night(at) is { } morning ? morning.AddMinutes(60 + random.Next(60)) : at;
    }

    private static DateTimeOffset Between(Random random, DateTimeOffset start, DateTimeOffset end, double low, double high) =>
        start + (end - start) * (low + (high - low) * random.NextDouble());

    /// <summary>Scales the on-the-spot affinities so patrol finds come out at 荆门's share over the year's category mix.</summary>
    private static double OnTheSpotScale(List<string> categories)
    {
        double weight = 0, fixedWeight = 0;
        foreach (var c in categories)
        {
            var w = Enumerable.Range(1, 12).Average(m => HistoryMix.CategoryWeights.GetValueOrDefault(c, HistoryMix.OtherCategoryWeight) * HistoryMix.SeasonFactor(c, m));
            weight += w;
            fixedWeight += w * HistoryMix.OnTheSpotAffinity(c);
        }
        return fixedWeight > 0 ? HistoryMix.OnTheSpotShare * weight / fixedWeight : 0;
    }

    private static List<Hotspot> Hotspots(Random random, List<UnitGrid> grids, double[] weights, Dictionary<string, IPreparedGeometry> prepared, List<string> categories)
    {
        var prone = HistoryMix.RepeatProne.Where(categories.Contains).ToList();
        var spots = new List<Hotspot>();
        for (var i = 0; i < HotspotCount && prone.Count > 0; i++)
        {
            var grid = grids[PickIndex(random, weights)];
            var category = prone[i % prone.Count];
            spots.Add(new Hotspot(category, grid, PointIn(random, grid, prepared[grid.Code]), HistoryMix.Vending.Contains(category) && random.NextDouble() < 0.6));
        }
        return spots;
    }

    private static Point PointIn(Random random, UnitGrid grid, IPreparedGeometry shape)
    {
        var e = grid.Shape.EnvelopeInternal;
        for (var i = 0; i < 200; i++)
        {
            var p = Geo.CreatePoint(new Coordinate(
                Math.Round(e.MinX + random.NextDouble() * e.Width, 7), Math.Round(e.MinY + random.NextDouble() * e.Height, 7)));
            if (shape.Contains(p))
            {
                return p;
            }
        }
        return Geo.CreatePoint(grid.Shape.InteriorPoint.Coordinate);
    }

    private static Point? Jitter(Random random, Point centre, double metres, IPreparedGeometry shape)
    {
        for (var i = 0; i < 10; i++)
        {
            var r = metres * Math.Sqrt(random.NextDouble());
            var a = random.NextDouble() * 2 * Math.PI;
            var p = Geo.CreatePoint(new Coordinate(
                Math.Round(centre.X + Geodesy.DegreesLon(r * Math.Cos(a), centre.Y), 7), Math.Round(centre.Y + Geodesy.DegreesLat(r * Math.Sin(a)), 7)));
            if (shape.Contains(p))
            {
                return p;
            }
        }
        return null;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var u = random.NextDouble() * total;
        foreach (var item in items)
        {
            u -= weight(item);
            if (u < 0)
            {
                return item;
            }
        }
        return items[^1];
    }

    private static int PickIndex(Random random, double[] weights)
    {
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }

    private DateTime ToLocal(DateTimeOffset instant) => clock.ToLocal(instant);

    private DateTimeOffset ToInstant(DateTime local) => clock.ToInstant(local);
}
