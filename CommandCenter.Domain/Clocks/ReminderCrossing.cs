namespace CommandCenter.Domain.Clocks;

/// <summary>When a step clock crosses one reminder's threshold: <see cref="Share"/> of its limit, from <see cref="At"/> on.</summary>
public sealed record ReminderCrossing(Reminder Reminder, double Share, DateTimeOffset At);
