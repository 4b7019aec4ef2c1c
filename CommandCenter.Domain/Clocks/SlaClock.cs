namespace CommandCenter.Domain.Clocks;

/// <summary>
/// Turns a time limit into a deadline and measures time used, on a <see cref="WorkingCalendar"/>.
/// Working days are counted as whole working-day lengths of working time, so a limit of 1 working day
/// from Monday 15:00 ends Tuesday 15:00 (skipping the night and the lunch break).
/// </summary>
public sealed class SlaClock(WorkingCalendar calendar)
{
    public WorkingCalendar Calendar { get; } = calendar;

    public DateTimeOffset Deadline(DateTimeOffset start, TimeLimit limit) => limit.Unit switch
    {
        LimitUnit.NaturalHours => start + TimeSpan.FromHours(limit.Value),
        LimitUnit.WorkingHours => Calendar.AddWorkingTime(start, TimeSpan.FromHours(limit.Value)),
        _ => Calendar.AddWorkingTime(start, Calendar.WorkingDayLength * limit.Value),
    };

    /// <summary>Time used between two instants, in the limit's own unit.</summary>
    public double Used(DateTimeOffset start, DateTimeOffset now, LimitUnit unit) => unit switch
    {
        LimitUnit.NaturalHours => Math.Max(0, (now - start).TotalHours),
        LimitUnit.WorkingHours => Calendar.WorkingTimeBetween(start, now).TotalHours,
        _ => Calendar.WorkingTimeBetween(start, now) / Calendar.WorkingDayLength,
    };

    /// <summary>Reads a running clock, or one stopped at <paramref name="pausedAt"/>.</summary>
    public ClockReading Read(DateTimeOffset start, TimeLimit limit, DateTimeOffset deadline, DateTimeOffset now, DateTimeOffset? pausedAt = null) =>
        new(limit, start, deadline, Used(start, pausedAt ?? now, limit.Unit), pausedAt is not null);
}
