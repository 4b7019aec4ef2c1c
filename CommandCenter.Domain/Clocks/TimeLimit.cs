using System.Globalization;

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

    public override string ToString() => Unit switch
    {
        LimitUnit.WorkingHours => $"{Value.ToString("0.##", CultureInfo.InvariantCulture)} 工作时",
        LimitUnit.WorkingDays => $"{Value.ToString("0.##", CultureInfo.InvariantCulture)} 工作日",
        _ => Value < 1 ? $"{(Value * 60).ToString("0", CultureInfo.InvariantCulture)} 分钟" : $"{Value.ToString("0.##", CultureInfo.InvariantCulture)} 小时",
    };
}
