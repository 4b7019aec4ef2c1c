using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Zones;

/// <summary>
/// Opening hours over a week: a list of <see cref="OpeningRule"/>s, several windows per day allowed.
/// Its compact form for JSON and the database is the rules' text: ["19:00-01:00"] or ["mon-fri 09:00-12:00", "sat,sun 08:00-12:00"].
/// </summary>
public sealed record WeeklyHours(IReadOnlyList<OpeningRule> Rules)
{
    /// <summary>No rules: never open.</summary>
    public static WeeklyHours None { get; } = new([]);

    public bool IsEmpty => Rules.All(r => r.Days == Weekdays.None || r.Window.IsEmpty);

    /// <summary>The same windows every day.</summary>
    public static WeeklyHours Daily(IEnumerable<DailyWindow> windows) => new(windows.Select(OpeningRule.Daily).ToList());

    /// <summary>The same windows every day, from "HH:mm-HH:mm" texts.</summary>
    public static WeeklyHours Daily(params string[] windows) => Daily(windows.Select(DailyWindow.Parse));

    /// <summary>Reads the text form; throws <see cref="FormatException"/> on a bad rule (check with <see cref="Validate"/> first).</summary>
    public static WeeklyHours Parse(IEnumerable<string> rules) => new(rules.Select(OpeningRule.Parse).ToList());

    /// <summary>The windows that begin on a day of the week, by start time.</summary>
    public IReadOnlyList<DailyWindow> WindowsOn(DayOfWeek day) =>
        Rules.Where(r => r.AppliesOn(day)).Select(r => r.Window).OrderBy(w => w.Start).ToList();

    /// <summary>The text form, one string per rule.</summary>
    public IReadOnlyList<string> ToStrings() => Rules.Select(r => r.ToString()).ToList();

    public override string ToString() => string.Join(", ", Rules);

    /// <summary>
    /// Refusals of the text form, field "<paramref name="field"/>[i]": WindowFormat (not "[days ]HH:mm-HH:mm"),
    /// WindowEmpty (start equals end), WindowsOverlap (two windows open at the same time, a midnight-crossing
    /// window's small hours included; args: the earlier rule, this rule, the day the overlap starts).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<string> rules, string field = "windows")
    {
        var errors = new List<FieldError>();
        var parsed = new List<(int Index, OpeningRule Rule)>();
        for (var i = 0; i < rules.Count; i++)
        {
            if (!OpeningRule.TryParse(rules[i], out var rule))
            {
                errors.Add(new FieldError($"{field}[{i}]", "WindowFormat", rules[i]));
            }
            else if (rule.Window.IsEmpty)
            {
                errors.Add(new FieldError($"{field}[{i}]", "WindowEmpty", rules[i]));
            }
            else
            {
                parsed.Add((i, rule));
            }
        }
        for (var b = 0; b < parsed.Count; b++)
        {
            for (var a = 0; a < b; a++)
            {
                if (FirstOverlap(parsed[a].Rule, parsed[b].Rule) is { } day)
                {
                    errors.Add(new FieldError($"{field}[{parsed[b].Index}]", "WindowsOverlap",
                        parsed[a].Rule.ToString(), parsed[b].Rule.ToString(), OpeningRule.DayName(day)));
                    break;
                }
            }
        }
        return errors;
    }

    /// <summary>The first day (Monday first) on which the two rules are open at the same moment, or null.</summary>
    private static DayOfWeek? FirstOverlap(OpeningRule a, OpeningRule b)
    {
        const int week = 7 * 24 * 60;
        foreach (var (startA, endA) in Intervals(a))
        {
            foreach (var (startB, endB) in Intervals(b))
            {
                // Minutes from Monday 00:00; shifting by a week catches Sunday night running into Monday.
                foreach (var shift in new[] { -week, 0, week })
                {
                    var start = Math.Max(startA, startB + shift);
                    if (start < Math.Min(endA, endB + shift))
                    {
                        return (DayOfWeek)((((start % week) + week) % week / (24 * 60) + 1) % 7);
                    }
                }
            }
        }
        return null;
    }

    private static IEnumerable<(int Start, int End)> Intervals(OpeningRule rule)
    {
        var start = rule.Window.Start.Hour * 60 + rule.Window.Start.Minute;
        var length = (int)rule.Window.Length.TotalMinutes;
        for (var d = 0; d < 7; d++)
        {
            if ((rule.Days & (Weekdays)(1 << d)) != 0)
            {
                yield return (d * 24 * 60 + start, d * 24 * 60 + start + length);
            }
        }
    }
}
