namespace CommandCenter.Domain.Clocks;

/// <summary>
/// 工作日历: which local days are workdays (Mon–Fri, minus statutory holidays, plus 调休 make-up days)
/// and which hours of a workday count (08:30–12:00 and 14:00–17:30 by default).
/// Works on instants; days and hours are read in the city's time zone.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly IReadOnlyList<(TimeOnly Start, TimeOnly End)> DefaultHours =
        [(new TimeOnly(8, 30), new TimeOnly(12, 0)), (new TimeOnly(14, 0), new TimeOnly(17, 30))];

    public static readonly IReadOnlySet<DayOfWeek> DefaultWorkdays = new HashSet<DayOfWeek>
        { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    private readonly IReadOnlyList<(TimeOnly Start, TimeOnly End)> _hours;
    private readonly IReadOnlySet<DayOfWeek> _workdays;
    private readonly IReadOnlySet<DateOnly> _holidays;
    private readonly IReadOnlySet<DateOnly> _makeUpDays;

    public WorkingCalendar(
        TimeZoneInfo zone,
        IReadOnlyList<(TimeOnly Start, TimeOnly End)>? hours = null,
        IReadOnlySet<DayOfWeek>? workdays = null,
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<DateOnly>? makeUpDays = null)
    {
        Zone = zone;
        _hours = (hours ?? DefaultHours).OrderBy(h => h.Start).ToList();
        if (_hours.Count == 0 || _hours.Any(h => h.End <= h.Start)
            || _hours.Zip(_hours.Skip(1)).Any(p => p.Second.Start < p.First.End))
        {
            throw new ArgumentException("Working hours must be non-empty, each ending after it starts, without overlaps.", nameof(hours));
        }
        _workdays = workdays ?? DefaultWorkdays;
        _holidays = (holidays ?? []).ToHashSet();
        _makeUpDays = (makeUpDays ?? []).ToHashSet();
        WorkingDayLength = TimeSpan.FromTicks(_hours.Sum(h => (h.End - h.Start).Ticks));
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>How long one working day is (7 h by default): the length of a 工作日 limit.</summary>
    public TimeSpan WorkingDayLength { get; }

    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> Hours => _hours;

    public IReadOnlySet<DateOnly> Holidays => _holidays;

    public IReadOnlySet<DateOnly> MakeUpDays => _makeUpDays;

    public bool IsWorkday(DateOnly day) =>
        _makeUpDays.Contains(day) || (_workdays.Contains(day.DayOfWeek) && !_holidays.Contains(day));

    /// <summary>The instant reached after <paramref name="amount"/> of working time from <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        if (amount < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "Working time cannot be negative.");
        }
        var local = ToLocal(start);
        var remaining = amount;
        var day = DateOnly.FromDateTime(local);
        // Bounded: no calendar has more than a few hundred consecutive non-working days.
        for (var guard = 0; guard < 3700; guard++, day = day.AddDays(1))
        {
            if (!IsWorkday(day))
            {
                continue;
            }
            foreach (var (startTime, endTime) in _hours)
            {
                var windowStart = day.ToDateTime(startTime);
                var windowEnd = day.ToDateTime(endTime);
                var from = local > windowStart ? local : windowStart;
                if (from >= windowEnd)
                {
                    continue;
                }
                var available = windowEnd - from;
                // Strictly less: a limit that ends exactly at 12:00 or 17:30 falls due when work resumes,
                // so "now is past the deadline" and "more than the limit was used" always agree.
                if (remaining < available || (remaining == TimeSpan.Zero))
                {
                    return ToInstant(from + remaining);
                }
                remaining -= available;
            }
        }
        throw new InvalidOperationException("The working calendar has no working hours within ten years.");
    }

    /// <summary>Working time that passes between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }
        var a = ToLocal(from);
        var b = ToLocal(to);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(a); day <= DateOnly.FromDateTime(b); day = day.AddDays(1))
        {
            if (!IsWorkday(day))
            {
                continue;
            }
            foreach (var (startTime, endTime) in _hours)
            {
                var s = day.ToDateTime(startTime);
                var e = day.ToDateTime(endTime);
                var lo = s > a ? s : a;
                var hi = e < b ? e : b;
                if (hi > lo)
                {
                    total += hi - lo;
                }
            }
        }
        return total;
    }

    private DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, Zone);

    private DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone), TimeSpan.Zero);
    }
}
