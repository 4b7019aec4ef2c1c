using System.Globalization;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Zones;

/// <summary>A yearly date range (month-day to month-day, inclusive); may wrap the new year (11-15 → 02-28).</summary>
public readonly record struct Season(int FromMonth, int FromDay, int ToMonth, int ToDay)
{
    /// <summary>Parses "MM-dd" bounds.</summary>
    public static Season Parse(string from, string to) =>
        TryParse(from, to, out var season) ? season : throw new FormatException($"'{from}'/'{to}' are not month-days of the form MM-dd.");

    public static bool TryParse(string? from, string? to, out Season season)
    {
        season = default;
        if (!TryParseMonthDay(from, out var fm, out var fd) || !TryParseMonthDay(to, out var tm, out var td))
        {
            return false;
        }
        season = new Season(fm, fd, tm, td);
        return true;
    }

    /// <summary>Refusals of one season's bounds: SeasonBoundFormat on "<paramref name="field"/>.from" or ".to" (not a real MM-dd; 02-29 is allowed).</summary>
    public static IReadOnlyList<FieldError> Validate(string? from, string? to, string field)
    {
        var errors = new List<FieldError>();
        if (!TryParseMonthDay(from, out _, out _))
        {
            errors.Add(new FieldError(field + ".from", "SeasonBoundFormat", from));
        }
        if (!TryParseMonthDay(to, out _, out _))
        {
            errors.Add(new FieldError(field + ".to", "SeasonBoundFormat", to));
        }
        return errors;
    }

    public bool Contains(DateOnly date)
    {
        var key = date.Month * 100 + date.Day;
        var from = FromMonth * 100 + FromDay;
        var to = ToMonth * 100 + ToDay;
        return from <= to ? key >= from && key <= to : key >= from || key <= to;
    }

    /// <summary>The bounds in the "MM-dd" text form.</summary>
    public string From => $"{FromMonth:D2}-{FromDay:D2}";

    public string To => $"{ToMonth:D2}-{ToDay:D2}";

    private static bool TryParseMonthDay(string? text, out int month, out int day)
    {
        // Parsed against a leap year so that 02-29 is accepted.
        var ok = DateTime.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d);
        (month, day) = ok ? (d.Month, d.Day) : (0, 0);
        return ok;
    }

    public override string ToString() => $"{From}→{To}";
}
