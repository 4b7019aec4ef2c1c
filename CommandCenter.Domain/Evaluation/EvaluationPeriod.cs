namespace CommandCenter.Domain.Evaluation;

/// <summary>
/// 考评周期: the local days an evaluation covers, first and last inclusive — a day, a week (Monday to Sunday), a
/// calendar month or any range. Count bands are written for a month (月考评), so a period that is not one calendar
/// month scales its counts to a month first (<see cref="BandMonths"/>).
/// </summary>
public sealed record EvaluationPeriod
{
    /// <summary>The average Gregorian month, in days (365.2425 / 12).</summary>
    public const double AverageMonthDays = 30.436875;

    public EvaluationPeriod(DateOnly first, DateOnly last)
    {
        if (last < first)
            throw new ArgumentException($"The period ends ({last:yyyy-MM-dd}) before it starts ({first:yyyy-MM-dd}).", nameof(last));
        First = first;
        Last = last;
    }

    public DateOnly First { get; }
    public DateOnly Last { get; }

    /// <summary>Number of days, both ends counted.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>The first day after the period (its exclusive end).</summary>
    public DateOnly End => Last.AddDays(1);

    public EvaluationPeriodKind Kind =>
        Days == 1 ? EvaluationPeriodKind.Day
        : Days == 7 && First.DayOfWeek == DayOfWeek.Monday ? EvaluationPeriodKind.Week
        : First.Day == 1 && End.Day == 1 && End == First.AddMonths(1) ? EvaluationPeriodKind.Month
        : EvaluationPeriodKind.Range;

    /// <summary>
    /// How many months the period counts as for the count bands: exactly 1 for a calendar month (whatever its length,
    /// so February is not scored as a short month), otherwise days ÷ <see cref="AverageMonthDays"/>.
    /// </summary>
    public double BandMonths => Kind == EvaluationPeriodKind.Month ? 1 : Days / AverageMonthDays;

    /// <summary>环比: the period of the same kind just before (the previous day, week, month, or as many days before a range).</summary>
    public EvaluationPeriod Previous => Kind == EvaluationPeriodKind.Month
        ? Month(First.AddMonths(-1))
        : new EvaluationPeriod(First.AddDays(-Days), First.AddDays(-1));

    /// <summary>同比: the same period a year earlier (the same calendar month; 29 February falls back to the 28th).</summary>
    public EvaluationPeriod YearEarlier => Kind == EvaluationPeriodKind.Month
        ? Month(First.AddYears(-1))
        : new EvaluationPeriod(First.AddYears(-1), Last.AddYears(-1));

    public static EvaluationPeriod Day(DateOnly day) => new(day, day);

    /// <summary>The Monday-to-Sunday week holding <paramref name="day"/>.</summary>
    public static EvaluationPeriod Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new(monday, monday.AddDays(6));
    }

    /// <summary>The calendar month holding <paramref name="day"/>.</summary>
    public static EvaluationPeriod Month(DateOnly day)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        return new(first, first.AddMonths(1).AddDays(-1));
    }

    public bool Contains(DateOnly day) => day >= First && day <= Last;
}
