using System.Globalization;

namespace CommandCenter.Domain.Zones;

/// <summary>
/// One line of weekly hours: a window on some days of the week. A window that crosses midnight belongs to the day
/// it starts ("fri,sat 19:00-02:00" is open in the small hours of Saturday and Sunday).
/// Text form: "19:00-01:00" (every day), "mon-fri 09:00-12:00", "sat,sun 06:00-09:00", "fri-mon 18:00-23:00".
/// </summary>
public readonly record struct OpeningRule(Weekdays Days, DailyWindow Window)
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>The rule opens a window on this day of the week.</summary>
    public bool AppliesOn(DayOfWeek day) => (Days & Of(day)) != 0;

    /// <summary>The flag of one day of the week.</summary>
    public static Weekdays Of(DayOfWeek day) => (Weekdays)(1 << (((int)day + 6) % 7));

    /// <summary>Every day, one window.</summary>
    public static OpeningRule Daily(DailyWindow window) => new(Weekdays.Daily, window);

    public static OpeningRule Parse(string text) =>
        TryParse(text, out var rule) ? rule : throw new FormatException($"'{text}' is not an opening rule such as 'mon-fri 09:00-12:00'.");

    public static bool TryParse(string? text, out OpeningRule rule)
    {
        rule = default;
        if (DailyWindow.TryParse(text, out var everyDay))
        {
            rule = Daily(everyDay);
            return true;
        }
        var parts = (text ?? "").Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryParseDays(parts[0], out var days) || !DailyWindow.TryParse(parts[1], out var window))
        {
            return false;
        }
        rule = new OpeningRule(days, window);
        return true;
    }

    /// <summary>"mon-fri", "sat,sun", "daily"; ranges may wrap the week ("fri-mon").</summary>
    private static bool TryParseDays(string text, out Weekdays days)
    {
        days = Weekdays.None;
        if (string.Equals(text, "daily", StringComparison.OrdinalIgnoreCase))
        {
            days = Weekdays.Daily;
            return true;
        }
        foreach (var token in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = token.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length is < 1 or > 2)
            {
                return false;
            }
            var from = Array.FindIndex(DayNames, n => string.Equals(n, ends[0], StringComparison.OrdinalIgnoreCase));
            var to = Array.FindIndex(DayNames, n => string.Equals(n, ends[^1], StringComparison.OrdinalIgnoreCase));
            if (from < 0 || to < 0)
            {
                return false;
            }
            for (var i = from; ; i = (i + 1) % 7)
            {
                days |= (Weekdays)(1 << i);
                if (i == to)
                {
                    break;
                }
            }
        }
        return days != Weekdays.None;
    }

    private static string DaysText(Weekdays days)
    {
        // Runs of three or more days become ranges: "mon-fri", "sat,sun", "mon,wed-fri".
        var parts = new List<string>();
        for (var i = 0; i < 7;)
        {
            if ((days & (Weekdays)(1 << i)) == 0)
            {
                i++;
                continue;
            }
            var end = i;
            while (end + 1 < 7 && (days & (Weekdays)(1 << (end + 1))) != 0)
            {
                end++;
            }
            if (end - i >= 2)
            {
                parts.Add(DayNames[i] + "-" + DayNames[end]);
            }
            else
            {
                for (var d = i; d <= end; d++)
                {
                    parts.Add(DayNames[d]);
                }
            }
            i = end + 1;
        }
        return string.Join(",", parts);
    }

    /// <summary>The slug of a day of the week ("mon" ... "sun"), as used in the text form.</summary>
    public static string DayName(DayOfWeek day) => DayNames[((int)day + 6) % 7];

    public override string ToString() =>
        Days == Weekdays.Daily ? Window.ToString() : string.Create(CultureInfo.InvariantCulture, $"{DaysText(Days)} {Window}");
}
