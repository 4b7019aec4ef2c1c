using System.Globalization;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Clocks;

/// <summary>A time limit such as 4 working hours or 5 working days (时限).</summary>
public readonly record struct TimeLimit(double Value, LimitUnit Unit)
{
    public static TimeLimit WorkingHours(double hours) => new(hours, LimitUnit.WorkingHours);
    public static TimeLimit WorkingDays(double days) => new(days, LimitUnit.WorkingDays);
    public static TimeLimit NaturalHours(double hours) => new(hours, LimitUnit.NaturalHours);
    public static TimeLimit NaturalMinutes(double minutes) => new(minutes / 60.0, LimitUnit.NaturalHours);

    public static string UnitSlug(LimitUnit unit) => unit switch
    {
        LimitUnit.WorkingHours => "workingHours",
        LimitUnit.WorkingDays => "workingDays",
        _ => "naturalHours",
    };

    public static bool TryParseUnit(string? slug, out LimitUnit unit)
    {
        foreach (var u in Enum.GetValues<LimitUnit>())
        {
            if (UnitSlug(u) == slug)
            {
                unit = u;
                return true;
            }
        }
        unit = default;
        return false;
    }

    public TimeLimit Plus(double more) => this with { Value = Value + more };

    /// <summary>The largest limit each unit accepts: a year of natural hours, of working hours or of working days.</summary>
    public static double MaxValue(LimitUnit unit) => unit switch
    {
        LimitUnit.NaturalHours => 24 * 366,
        LimitUnit.WorkingHours => 7 * 250,
        _ => 250,
    };

    /// <summary>
    /// Checks a limit an admin typed: a known unit, a finite positive value, at most a year in that unit (a larger one
    /// would push deadlines past what the calendar can count).
    /// </summary>
    public static IReadOnlyList<FieldError> Check(string field, double? value, string? unitSlug, out TimeLimit limit)
    {
        limit = default;
        var errors = new List<FieldError>();
        if (!TryParseUnit(unitSlug, out var unit))
        {
            errors.Add(new FieldError($"{field}.unit", "LimitUnit", unitSlug));
        }
        if (value is not { } v || !double.IsFinite(v) || v <= 0)
        {
            errors.Add(new FieldError($"{field}.value", "LimitPositive"));
        }
        else if (errors.Count == 0 && v > MaxValue(unit))
        {
            errors.Add(new FieldError($"{field}.value", "LimitTooLarge", MaxValue(unit), UnitSlug(unit)));
        }
        if (errors.Count == 0)
        {
            limit = new TimeLimit(value!.Value, unit);
        }
        return errors;
    }

    public override string ToString() => $"{Value.ToString("0.##", CultureInfo.InvariantCulture)} {UnitSlug(Unit)}";
}
