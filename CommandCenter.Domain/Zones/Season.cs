using System.Globalization;

namespace CommandCenter.Domain.Zones;

/// <summary>A yearly date range (month-day to month-day, inclusive); may wrap the new year (11-15 → 02-28).</summary>
public readonly record struct Season(int FromMonth, int FromDay, int ToMonth, int ToDay)
{
    /// <summary>Parses "MM-dd" bounds.</summary>
    public static Season Parse(string from, string to)
    {
        var (fm, fd) = ParseMonthDay(from);
        var (tm, td) = ParseMonthDay(to);
        return new Season(fm, fd, tm, td);
    }

    public bool Contains(DateOnly date)
    {
        var key = date.Month * 100 + date.Day;
        var from = FromMonth * 100 + FromDay;
        var to = ToMonth * 100 + ToDay;
        return from <= to ? key >= from && key <= to : key >= from || key <= to;
    }

    private static (int Month, int Day) ParseMonthDay(string text)
    {
        // Parsed against a leap year so that 02-29 is accepted.
        if (!DateTime.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            throw new FormatException($"'{text}' is not a month-day of the form MM-dd.");
        }
        return (d.Month, d.Day);
    }

    public override string ToString() => $"{FromMonth:D2}-{FromDay:D2}→{ToMonth:D2}-{ToDay:D2}";
}
