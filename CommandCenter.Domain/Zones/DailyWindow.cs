using System.Globalization;

namespace CommandCenter.Domain.Zones;

/// <summary>
/// One daily opening window in local time, [Start, End). When <see cref="End"/> is before <see cref="Start"/>
/// the window runs past midnight (19:00–01:00 belongs to the evening it starts on); 19:00–00:00 ends at midnight.
/// A window with End equal to Start is empty (never open), not 24 hours.
/// </summary>
public readonly record struct DailyWindow(TimeOnly Start, TimeOnly End)
{
    public bool IsEmpty => End == Start;

    public bool CrossesMidnight => End < Start;

    /// <summary>How long the window is open.</summary>
    public TimeSpan Length => CrossesMidnight ? TimeSpan.FromDays(1) - (Start - End) : End - Start;

    /// <summary>Parses "HH:mm-HH:mm".</summary>
    public static DailyWindow Parse(string text) =>
        TryParse(text, out var window) ? window : throw new FormatException($"'{text}' is not an opening window of the form HH:mm-HH:mm.");

    /// <summary>Parses "HH:mm-HH:mm" (spaces around the dash allowed).</summary>
    public static bool TryParse(string? text, out DailyWindow window)
    {
        window = default;
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            return false;
        }
        window = new DailyWindow(start, end);
        return true;
    }

    /// <summary>
    /// The calendar date on which the window covering <paramref name="local"/> began, or null when
    /// the window does not cover that moment.
    /// </summary>
    public DateOnly? OpeningDateCovering(DateTime local)
    {
        if (IsEmpty)
        {
            return null;
        }
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

    /// <summary>The local moments the window opens and closes when it begins on <paramref name="day"/>.</summary>
    public (DateTime Opens, DateTime Closes) On(DateOnly day)
    {
        var opens = day.ToDateTime(Start);
        return (opens, opens + Length);
    }

    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
