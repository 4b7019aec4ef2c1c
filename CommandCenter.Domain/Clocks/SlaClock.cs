namespace CommandCenter.Domain.Clocks;

/// <summary>
/// Turns a time limit into a deadline and measures time used, on a <see cref="WorkingCalendar"/>.
/// Working days are counted as whole working-day lengths of working time, so a limit of 1 working day
/// from Monday 15:00 ends Tuesday 15:00 (skipping the night and the lunch break).
/// </summary>
public sealed class SlaClock(WorkingCalendar calendar)
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    public WorkingCalendar Calendar { get; } = calendar;

    public DateTimeOffset Deadline(DateTimeOffset start, TimeLimit limit) =>
        limit.Unit == LimitUnit.NaturalHours ? start + Length(limit) : Calendar.AddWorkingTime(start, Length(limit));

    /// <summary>
    /// The first instant at which <paramref name="share"/> of the limit is used (0.5: half of it), the instant from which
    /// <see cref="ClockReading.OvertimeMultiple"/> reads at least <paramref name="share"/>. Unlike <see cref="Deadline"/>,
    /// a share that runs out exactly at 12:00 or 17:30 is reached then, not when work resumes.
    /// </summary>
    public DateTimeOffset ReachedAt(DateTimeOffset start, TimeLimit limit, double share)
    {
        var amount = TimeSpan.FromTicks((long)Math.Round(Length(limit).Ticks * share));
        if (limit.Unit == LimitUnit.NaturalHours)
        {
            return start + amount;
        }
        if (amount <= TimeSpan.Zero)
        {
            return start;
        }
        // AddWorkingTime never stops on a window's end, so one tick short of the amount it stops inside a window,
        // and one tick later the whole amount has been used.
        return Calendar.AddWorkingTime(start, amount - Tick) + Tick;
    }

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

    /// <summary>The limit as a span of (working or natural) time: a working day is <see cref="WorkingCalendar.WorkingDayLength"/>.</summary>
    private TimeSpan Length(TimeLimit limit) =>
        limit.Unit == LimitUnit.WorkingDays ? Calendar.WorkingDayLength * limit.Value : TimeSpan.FromHours(limit.Value);
}
