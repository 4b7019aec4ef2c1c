using System.Globalization;

namespace CommandCenter.Domain.Clocks;

/// <summary>
/// One automatic reminder of a step clock, e.g. 催办 level 1 (chase-1) or 督办 level 2 (supervise-2). Levels count from 1
/// in the order of <see cref="ReminderSettings.ChaseAt"/> and <see cref="ReminderSettings.SuperviseAt"/>; each fires once per step clock.
/// </summary>
public readonly record struct Reminder(ReminderKind Kind, int Level)
{
    public static Reminder Chase(int level) => new(ReminderKind.Chase, level);
    public static Reminder Supervise(int level) => new(ReminderKind.Supervise, level);

    /// <summary>"chase-1", "supervise-2": how the web layer stores which reminders a step has raised.</summary>
    public string Slug => $"{(Kind == ReminderKind.Chase ? "chase" : "supervise")}-{Level}";

    public static bool TryParse(string? slug, out Reminder reminder)
    {
        reminder = default;
        var dash = slug?.LastIndexOf('-') ?? -1;
        if (dash < 0 || !int.TryParse(slug![(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level < 1)
        {
            return false;
        }
        ReminderKind? kind = slug[..dash] switch
        {
            "chase" => ReminderKind.Chase,
            "supervise" => ReminderKind.Supervise,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }
        reminder = new Reminder(kind.Value, level);
        return true;
    }

    public override string ToString() => Slug;
}
