using CommandCenter.Domain.Clocks;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// 自动催办/督办 of one case: the reminder schedule of its running step, which of its crossings are due, and when the
/// next one falls due (stored on the case, so the clock watcher finds due cases with one indexed query).
/// </summary>
public static class CaseReminders
{
    public static IReadOnlyList<ReminderCrossing> CrossingsOf(Case c, CaseRules rules) =>
        c.StepStartedAt is { } start && c.StepLimit is { } limit
            ? ReminderSchedule.For(rules.Clock, start, limit, c.ClockPausedAt, rules.Settings.Reminders).Crossings
            : [];

    /// <summary>When the next automatic reminder of the running step falls due, or null when none will.</summary>
    public static DateTimeOffset? NextAt(Case c, CaseRules rules) =>
        CrossingsOf(c, rules).Skip(c.StepRemindersSent).Select(x => (DateTimeOffset?)x.At).FirstOrDefault();

    /// <summary>The crossings due at <paramref name="now"/> that have not fired yet, in order, with their index in the schedule.</summary>
    public static IReadOnlyList<(int Index, ReminderCrossing Crossing)> Due(Case c, CaseRules rules, DateTimeOffset now) =>
        CrossingsOf(c, rules).Select((x, i) => (Index: i, Crossing: x)).Skip(c.StepRemindersSent).TakeWhile(x => x.Crossing.At <= now).ToList();

    /// <summary>The workflow action that answers a crossing: 催办 for a chase, 督办 for a supervision.</summary>
    public static CaseAction ActionFor(Reminder reminder) => reminder.Kind == ReminderKind.Chase ? CaseAction.Remind : CaseAction.Supervise;
}
