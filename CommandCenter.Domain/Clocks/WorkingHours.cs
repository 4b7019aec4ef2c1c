using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CommandCenter.Domain.Validation;
using CommandCenter.Domain.Zones;

namespace CommandCenter.Domain.Clocks;

/// <summary>
/// 作息时间: the working windows of every working day, in order and apart, such as 08:30–12:00 and 14:00–17:30,
/// as an admin edits them ("HH:mm-HH:mm" each). Refusals name the window as <c>windows[i]</c> (from 0) or the whole list as <c>windows</c>.
/// </summary>
public sealed record WorkingHours
{
    public const int MaxWindows = 6;

    public static WorkingHours Default { get; } = new(WorkingCalendar.DefaultHours);

    private WorkingHours(IReadOnlyList<(TimeOnly Start, TimeOnly End)> windows) => Windows = windows;

    /// <summary>The windows in order, each ending after it starts and none overlapping the next: what <see cref="WorkingCalendar"/> takes.</summary>
    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> Windows { get; }

    /// <summary>The length of one working day (7 h by default), the length of a 工作日 limit.</summary>
    public TimeSpan Total => TimeSpan.FromTicks(Windows.Sum(w => (w.End - w.Start).Ticks));

    /// <summary>Reads windows written "HH:mm-HH:mm", refusing what <see cref="Validate"/> refuses and text that is not of that form.</summary>
    public static bool TryParse(IReadOnlyList<string?> windows, [NotNullWhen(true)] out WorkingHours? hours, out IReadOnlyList<FieldError> errors)
    {
        hours = null;
        var refusals = new List<FieldError>();
        var parsed = new List<(TimeOnly Start, TimeOnly End)?>();
        for (var i = 0; i < windows.Count; i++)
        {
            var window = ParseWindow(windows[i]);
            if (window is null)
            {
                refusals.Add(new FieldError($"windows[{i}]", "WorkingHoursFormat", windows[i]));
            }
            parsed.Add(window);
        }
        refusals.AddRange(Check(parsed));
        errors = refusals;
        if (refusals.Count > 0)
        {
            return false;
        }
        hours = new WorkingHours(parsed.Select(w => w!.Value).ToList());
        return true;
    }

    /// <summary>
    /// Refuses an empty list, more than <see cref="MaxWindows"/> windows, a window that does not end after it starts,
    /// and a window that starts before the previous one ends (overlapping or out of order).
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<(TimeOnly Start, TimeOnly End)> windows) =>
        Check(windows.Select(w => ((TimeOnly, TimeOnly)?)w).ToList());

    /// <summary>Two working hours are equal when their windows are.</summary>
    public bool Equals(WorkingHours? other) => other is not null && Windows.SequenceEqual(other.Windows);

    public override int GetHashCode() => Windows.Aggregate(0, (hash, w) => HashCode.Combine(hash, w));

    /// <summary>The windows as the admin writes them: "08:30-12:00".</summary>
    public IReadOnlyList<string> ToText() => Windows.Select(w => new DailyWindow(w.Start, w.End).ToString()).ToList();

    /// <summary>Checks windows already read; a null one failed to read and is left out of the order check.</summary>
    private static List<FieldError> Check(IReadOnlyList<(TimeOnly Start, TimeOnly End)?> windows)
    {
        var refusals = new List<FieldError>();
        if (windows.Count == 0)
        {
            refusals.Add(new FieldError("windows", "WorkingHoursEmpty"));
        }
        if (windows.Count > MaxWindows)
        {
            refusals.Add(new FieldError("windows", "WorkingHoursTooMany", MaxWindows, windows.Count));
        }
        (TimeOnly Start, TimeOnly End)? previous = null;
        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i] is not { } window)
            {
                continue;
            }
            if (window.End <= window.Start)
            {
                refusals.Add(new FieldError($"windows[{i}]", "WorkingHoursEndNotAfterStart", Text(window.Start), Text(window.End)));
                continue;
            }
            if (previous is { } p && window.Start < p.End)
            {
                refusals.Add(new FieldError($"windows[{i}]", "WorkingHoursOverlap", Text(window.Start), Text(p.End)));
            }
            previous = window;
        }
        // Ordered windows of one day that do not cross midnight cannot add up to more than 24 hours: no check needed.
        return refusals;
    }

    private static (TimeOnly Start, TimeOnly End)? ParseWindow(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            var window = DailyWindow.Parse(text);
            return (window.Start, window.End);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Text(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
