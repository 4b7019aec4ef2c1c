using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Zones;

/// <summary>
/// When a vending zone is open: weekly hours in local time, optionally limited to one or more seasons, minus
/// closed dates and (when <see cref="ClosedOnPublicHolidays"/>) the public holidays the caller supplies.
/// Every date rule is read on the day a window starts: a night that starts inside the season, or on an open day,
/// stays open past midnight even if the next day is out of season or closed.
/// </summary>
public sealed record VendorZoneSchedule(
    WeeklyHours Hours,
    IReadOnlyList<Season> Seasons,
    IReadOnlyList<DateOnly> ClosedDates,
    bool ClosedOnPublicHolidays)
{
    // A year and a week holds every pattern the rules can make (weekly hours, yearly seasons); dates further out repeat it.
    private const int HorizonDays = 366 + 7 + 1;

    /// <summary>The same windows every day, optionally in one season (the original shape).</summary>
    public VendorZoneSchedule(IReadOnlyList<DailyWindow> windows, Season? season)
        : this(WeeklyHours.Daily(windows), season is { } s ? [s] : [], [], false)
    {
    }

    /// <summary>No windows: never open (banned zones, bike fences).</summary>
    public static VendorZoneSchedule Never { get; } = new(WeeklyHours.None, [], [], false);

    /// <summary>Every day in these windows, e.g. <c>VendorZoneSchedule.Daily("19:00-01:00")</c>.</summary>
    public static VendorZoneSchedule Daily(params string[] windows) => new(WeeklyHours.Daily(windows), [], [], false);

    /// <summary>Whether windows starting on this date open: in season, not a closed date, not a public holiday when closed on them.</summary>
    public bool OpensOn(DateOnly day, IReadOnlySet<DateOnly>? publicHolidays = null) =>
        (Seasons.Count == 0 || Seasons.Any(s => s.Contains(day)))
        && !ClosedDates.Contains(day)
        && !(ClosedOnPublicHolidays && publicHolidays is not null && publicHolidays.Contains(day));

    /// <param name="local">City local time.</param>
    /// <param name="publicHolidays">The city's public holidays (e.g. <c>WorkingCalendar.Holidays</c>); only read when <see cref="ClosedOnPublicHolidays"/>.</param>
    public bool IsOpen(DateTime local, IReadOnlySet<DateOnly>? publicHolidays = null)
    {
        foreach (var rule in Hours.Rules)
        {
            if (rule.Window.OpeningDateCovering(local) is { } openedOn && rule.AppliesOn(openedOn.DayOfWeek)
                && OpensOn(openedOn, publicHolidays))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The next local moment after <paramref name="local"/> at which the zone opens or closes (a window's first or end minute),
    /// or null when its state never changes again (never open, or open around the clock).
    /// </summary>
    public DateTime? NextChange(DateTime local, IReadOnlySet<DateOnly>? publicHolidays = null)
    {
        var today = DateOnly.FromDateTime(local);
        var lastDate = ClosedDates.Concat(ClosedOnPublicHolidays && publicHolidays is not null ? publicHolidays : [])
            .Where(d => d > today).DefaultIfEmpty(today).Max();
        var until = lastDate.AddDays(HorizonDays);
        var moments = new SortedSet<DateTime>();
        // From yesterday: its night may still be open now and close later today.
        for (var day = today.AddDays(-1); day <= until; day = day.AddDays(1))
        {
            foreach (var rule in Hours.Rules)
            {
                if (!rule.Window.IsEmpty && rule.AppliesOn(day.DayOfWeek))
                {
                    var (opens, closes) = rule.Window.On(day);
                    moments.Add(opens);
                    moments.Add(closes);
                }
            }
        }
        var openNow = IsOpen(local, publicHolidays);
        // The state is constant between consecutive window bounds, so the first bound with the other state is the change.
        foreach (var moment in moments.GetViewBetween(local.AddTicks(1), DateTime.MaxValue))
        {
            if (IsOpen(moment, publicHolidays) != openNow)
            {
                return moment;
            }
        }
        return null;
    }

    /// <summary>
    /// Refusals of a schedule in its text form: the weekly rules (see <see cref="WeeklyHours.Validate"/>, field "windows[i]")
    /// and season bounds (field "seasons[i].from" / ".to").
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<string> windows, IReadOnlyList<(string? From, string? To)>? seasons = null)
    {
        var errors = WeeklyHours.Validate(windows).ToList();
        for (var i = 0; i < (seasons?.Count ?? 0); i++)
        {
            errors.AddRange(Season.Validate(seasons![i].From, seasons[i].To, $"seasons[{i}]"));
        }
        return errors;
    }
}
