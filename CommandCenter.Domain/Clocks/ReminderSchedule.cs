namespace CommandCenter.Domain.Clocks;

/// <summary>
/// 自动催办/督办时间表: the instants at which a running step clock crosses the admin's 催办 and 督办 thresholds, and which
/// reminders are due. Each crossing is the first instant at which <see cref="SlaClock.Read"/> says the threshold is reached,
/// so a reminder and the clock's colour agree:
/// a share <c>f</c> is reached once at least <c>f</c> of the limit is used (<see cref="ClockReading.OvertimeMultiple"/> ≥ f,
/// as <see cref="ClockReading.Level"/> reads it), on working time or natural hours as the limit counts;
/// the share 1 is reached only once the clock is overdue (<see cref="ClockReading.IsOverdue"/>: more than the whole limit
/// used), one tick after <see cref="SlaClock.Deadline"/>. Over lunch or the night after a limit ran out at 12:00 or 17:30
/// the case is due but not yet overdue.
/// A shelved clock (paused) raises nothing: 挂账恢复 starts a fresh limit and so a fresh schedule.
/// Crossings are exact to the tick of working time; the reading's double quotient can put a share such as 0.8 a hair
/// low at that very tick (16.8 h of 21 h reads 0.7999999999999999), so the colour may follow one tick (100 ns) later.
/// </summary>
public sealed class ReminderSchedule
{
    private ReminderSchedule(IReadOnlyList<ReminderCrossing> crossings) => Crossings = crossings;

    /// <summary>Every threshold of the settings with the instant it is crossed, earliest first.</summary>
    public IReadOnlyList<ReminderCrossing> Crossings { get; }

    /// <summary>The schedule of a step clock started at <paramref name="startedAt"/> on <paramref name="limit"/>; empty while paused or for a limit of zero.</summary>
    public static ReminderSchedule For(SlaClock clock, DateTimeOffset startedAt, TimeLimit limit, DateTimeOffset? pausedAt, ReminderSettings settings)
    {
        if (pausedAt is not null || !(limit.Value > 0))
        {
            return new ReminderSchedule([]);
        }
        var crossings = settings.ChaseAt.Select((share, i) => (Reminder.Chase(i + 1), share))
            .Concat(settings.SuperviseAt.Select((share, i) => (Reminder.Supervise(i + 1), share)))
            .Select(t => new ReminderCrossing(t.Item1, t.share, CrossedAt(clock, startedAt, limit, t.share)))
            .OrderBy(c => c.At).ThenBy(c => c.Reminder.Kind).ThenBy(c => c.Reminder.Level)
            .ToList();
        return new ReminderSchedule(crossings);
    }

    /// <summary>The reminders crossed by <paramref name="now"/> and not raised yet, earliest first; several when a poll came late.</summary>
    public IReadOnlyList<Reminder> Due(IReadOnlySet<Reminder> alreadyRaised, DateTimeOffset now) =>
        Crossings.Where(c => c.At <= now && !alreadyRaised.Contains(c.Reminder)).Select(c => c.Reminder).ToList();

    /// <summary>The earliest crossing not raised yet (perhaps already past), or null when every reminder was raised: when to look again.</summary>
    public DateTimeOffset? Next(IReadOnlySet<Reminder> alreadyRaised) =>
        Crossings.FirstOrDefault(c => !alreadyRaised.Contains(c.Reminder))?.At;

    private static DateTimeOffset CrossedAt(SlaClock clock, DateTimeOffset startedAt, TimeLimit limit, double share) =>
        // The deadline itself is not yet overdue (used = limit); the next tick is.
        share == 1 ? clock.Deadline(startedAt, limit).AddTicks(1) : clock.ReachedAt(startedAt, limit, share);
}
