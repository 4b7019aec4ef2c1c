using System.Globalization;

namespace CommandCenter.Domain.Zones;

/// <summary>
/// One daily opening window in local time. When <see cref="End"/> is not after <see cref="Start"/>
/// the window runs past midnight (19:00–01:00 belongs to the evening it starts on).
/// </summary>
public readonly record struct DailyWindow(TimeOnly Start, TimeOnly End)
{
    public bool CrossesMidnight => End <= Start;

    /// <summary>Parses "HH:mm-HH:mm".</summary>
    public static DailyWindow Parse(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            throw new FormatException($"'{text}' is not an opening window of the form HH:mm-HH:mm.");
        }
        return new DailyWindow(start, end);
    }

    /// <summary>
    /// The calendar date on which the window covering <paramref name="local"/> began, or null when
    /// the window does not cover that moment.
    /// </summary>
    public DateOnly? OpeningDateCovering(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        var date = DateOnly.FromDateTime(local);
        if (!CrossesMidnight)
        {
            return time >= Start && time < End ? date : null;
        }
        if (time >= Start)
        {
            return date;
        }
        return time < End ? date.AddDays(-1) : null;
    }

    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
