using System.Globalization;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Duty;

/// <summary>
/// 马路局长值班表: one bureau leader per month (domain.md §7.3), planned a year ahead by rotating through the
/// leaders, then changed by swapping months, giving a month to someone else, or a stand-in for a single day.
/// Every change is kept as a <see cref="RosterChange"/>; the roster is the replay of its history.
/// </summary>
public sealed class RoadDirectorRoster
{
    private readonly SortedDictionary<RosterMonth, string> _months = [];
    private readonly SortedDictionary<DateOnly, string> _standIns = [];
    private readonly List<RosterChange> _history = [];

    /// <summary>Rebuilds the roster from its changes, in the order they were made.</summary>
    public RoadDirectorRoster(IEnumerable<RosterChange>? history = null)
    {
        foreach (var change in history ?? [])
        {
            Apply(change);
        }
    }

    public IReadOnlyList<RosterChange> History => _history;

    public IReadOnlyList<RoadDirectorDuty> Months => _months.Select(m => new RoadDirectorDuty(m.Key, m.Value)).ToList();

    public IReadOnlyDictionary<DateOnly, string> StandIns => _standIns;

    public string? LeaderOf(RosterMonth month) => _months.GetValueOrDefault(month);

    /// <summary>Who is on duty on a local date: that day's stand-in, else the month's leader; null when the month is not planned.</summary>
    public RoadDirectorOnDuty? OnDuty(DateOnly date)
    {
        if (_months.TryGetValue(RosterMonth.Of(date), out var leader))
        {
            return _standIns.TryGetValue(date, out var standIn) ? new(standIn, true) : new(leader, false);
        }
        return null;
    }

    /// <summary>
    /// Plans January to December of <paramref name="year"/>, the leaders taking a month each in turn, starting with
    /// <paramref name="startWith"/>; without it, with the leader after last December's (else the first leader).
    /// A year already planned is changed month by month, not planned again.
    /// </summary>
    public RosterResult PlanYear(int year, IReadOnlyList<string> leaders, string? startWith, string by, DateTimeOffset at)
    {
        var errors = new List<FieldError>();
        if (year is < 1 or > 9999)
        {
            return RosterResult.Refused([new FieldError("year", "YearOutOfRange", 1, 9999)]);
        }
        if (_months.Keys.Any(m => m.Year == year))
        {
            errors.Add(new FieldError("year", "YearAlreadyPlanned", year));
        }
        if (leaders.Count == 0)
        {
            errors.Add(new FieldError("leaders", "Required"));
        }
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < leaders.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(leaders[i]))
            {
                errors.Add(new FieldError($"leaders[{i}]", "Required"));
            }
            else if (!distinct.Add(leaders[i]))
            {
                errors.Add(new FieldError($"leaders[{i}]", "LeaderRepeated"));
            }
        }
        if (startWith is not null && !leaders.Contains(startWith))
        {
            errors.Add(new FieldError("startWith", "StartNotAmongLeaders"));
        }
        if (errors.Count > 0)
        {
            return RosterResult.Refused(errors);
        }

        var order = leaders.ToList();
        var december = year > 1 ? LeaderOf(new RosterMonth(year - 1, 12)) : null;
        var first = startWith is not null ? order.IndexOf(startWith)
            : december is not null && order.Contains(december) ? (order.IndexOf(december) + 1) % order.Count
            : 0;
        var changes = Enumerable.Range(1, 12)
            .Select(m => new RosterChange(RosterChangeKind.Planned, new RosterMonth(year, m), null, null,
                order[(first + m - 1) % order.Count], by, at))
            .ToList();
        return Made(changes);
    }

    /// <summary>Gives a planned month to another leader.</summary>
    public RosterResult SetMonth(string month, string personId, string by, DateTimeOffset at)
    {
        var errors = new List<FieldError>();
        var parsed = PlannedMonth("month", month, errors);
        if (string.IsNullOrWhiteSpace(personId))
        {
            errors.Add(new FieldError("personId", "Required"));
        }
        if (errors.Count > 0 || parsed is not { } m)
        {
            return RosterResult.Refused(errors);
        }
        var before = _months[m];
        return before == personId
            ? RosterResult.Made([])
            : Made([new RosterChange(RosterChangeKind.Set, m, null, before, personId, by, at)]);
    }

    /// <summary>Swaps the leaders of two planned months.</summary>
    public RosterResult Swap(string monthA, string monthB, string by, DateTimeOffset at)
    {
        var errors = new List<FieldError>();
        var a = PlannedMonth("monthA", monthA, errors);
        var b = PlannedMonth("monthB", monthB, errors);
        if (errors.Count > 0 || a is not { } ma || b is not { } mb)
        {
            return RosterResult.Refused(errors);
        }
        var (leaderA, leaderB) = (_months[ma], _months[mb]);
        return leaderA == leaderB
            ? RosterResult.Made([])
            : Made([
                new RosterChange(RosterChangeKind.Swapped, ma, null, leaderA, leaderB, by, at),
                new RosterChange(RosterChangeKind.Swapped, mb, null, leaderB, leaderA, by, at),
            ]);
    }

    /// <summary>Puts a stand-in on duty for one day of a planned month (replacing an earlier stand-in of that day).</summary>
    public RosterResult StandIn(DateOnly date, string personId, string by, DateTimeOffset at)
    {
        var errors = new List<FieldError>();
        var month = RosterMonth.Of(date);
        if (!_months.TryGetValue(month, out var leader))
        {
            errors.Add(new FieldError("date", "DateNotPlanned", Day(date)));
        }
        if (string.IsNullOrWhiteSpace(personId))
        {
            errors.Add(new FieldError("personId", "Required"));
        }
        else if (personId == leader)
        {
            errors.Add(new FieldError("personId", "StandInIsMonthLeader"));
        }
        if (errors.Count > 0)
        {
            return RosterResult.Refused(errors);
        }
        var before = _standIns.GetValueOrDefault(date);
        return before == personId
            ? RosterResult.Made([])
            : Made([new RosterChange(RosterChangeKind.StandIn, month, date, before, personId, by, at)]);
    }

    /// <summary>Takes a day's stand-in off, so the month's leader is on duty again.</summary>
    public RosterResult RemoveStandIn(DateOnly date, string by, DateTimeOffset at) =>
        _standIns.TryGetValue(date, out var standIn)
            ? Made([new RosterChange(RosterChangeKind.StandInRemoved, RosterMonth.Of(date), date, standIn, null, by, at)])
            : RosterResult.Refused([new FieldError("date", "NoStandIn", Day(date))]);

    private RosterMonth? PlannedMonth(string field, string text, List<FieldError> errors)
    {
        if (!RosterMonth.TryParse(text, out var month))
        {
            errors.Add(new FieldError(field, "MonthFormat", text));
            return null;
        }
        if (!_months.ContainsKey(month))
        {
            errors.Add(new FieldError(field, "MonthNotPlanned", month.ToString()));
            return null;
        }
        return month;
    }

    private RosterResult Made(IReadOnlyList<RosterChange> changes)
    {
        foreach (var change in changes)
        {
            Apply(change);
        }
        return RosterResult.Made(changes);
    }

    private void Apply(RosterChange change)
    {
        switch (change.Kind)
        {
            case RosterChangeKind.StandIn when change.Day is { } day && change.After is { } person:
                _standIns[day] = person;
                break;
            case RosterChangeKind.StandInRemoved when change.Day is { } day:
                _standIns.Remove(day);
                break;
            case RosterChangeKind.Planned or RosterChangeKind.Set or RosterChangeKind.Swapped when change.After is { } leader:
                _months[change.Month] = leader;
                break;
            default:
                throw new ArgumentException($"A {change.Kind} change needs its day and person.", nameof(change));
        }
        _history.Add(change);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
