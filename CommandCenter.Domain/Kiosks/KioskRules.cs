using CommandCenter.Domain.Validation;
using CommandCenter.Domain.Zones;

namespace CommandCenter.Domain.Kiosks;

/// <summary>What a kiosk must satisfy: a service radius of 1–1.5 km (衡阳, domain.md §7.7) and readable hours.</summary>
public static class KioskRules
{
    public const double MinRadiusM = 1000;
    public const double MaxRadiusM = 1500;
    public const string AroundTheClock = "24h";

    /// <summary>Refusals: radiusM (KioskRadiusOutOfRange, args min, max), hours (KioskHoursFormat) unless 24 h.</summary>
    public static IReadOnlyList<FieldError> Validate(double radiusM, string? hours, bool is24h)
    {
        var errors = new List<FieldError>();
        if (!(radiusM >= MinRadiusM && radiusM <= MaxRadiusM))
        {
            errors.Add(new FieldError("radiusM", "KioskRadiusOutOfRange", MinRadiusM, MaxRadiusM, radiusM));
        }
        if (!is24h && !IsAroundTheClock(hours))
        {
            var rules = SplitHours(hours);
            if (rules.Count == 0 || !TryParseHours(hours, out var parsed) || parsed.IsEmpty || WeeklyHours.Validate(rules).Count > 0)
            {
                errors.Add(new FieldError("hours", "KioskHoursFormat", hours));
            }
        }
        return errors;
    }

    public static bool IsAroundTheClock(string? hours) => string.Equals(hours?.Trim(), AroundTheClock, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads "08:00-20:00" or several opening rules separated by ";" (or "," between plain windows).</summary>
    public static bool TryParseHours(string? hours, out WeeklyHours parsed)
    {
        var rules = new List<OpeningRule>();
        foreach (var text in SplitHours(hours))
        {
            if (!OpeningRule.TryParse(text, out var rule))
            {
                parsed = WeeklyHours.None;
                return false;
            }
            rules.Add(rule);
        }
        parsed = new WeeklyHours(rules);
        return rules.Count > 0;
    }

    private static IReadOnlyList<string> SplitHours(string? hours)
    {
        var text = hours ?? "";
        // "08:00-12:00, 14:00-20:00" lists plain windows; rules with days ("mon,tue 08:00-12:00") need ";".
        var separator = text.Contains(';') ? ';' : ',';
        return text.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }
}
