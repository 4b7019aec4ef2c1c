using System.Globalization;

namespace CommandCenter.Domain.Duty;

/// <summary>A calendar month of a duty roster (值班月), written "yyyy-MM".</summary>
public readonly record struct RosterMonth : IComparable<RosterMonth>
{
    public RosterMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        Year = year;
        Month = month;
    }

    public int Year { get; }

    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);

    public static RosterMonth Of(DateOnly date) => new(date.Year, date.Month);

    public static bool TryParse(string? text, out RosterMonth month)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            month = Of(first);
            return true;
        }
        month = default;
        return false;
    }

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public RosterMonth Previous() => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public int CompareTo(RosterMonth other) => (Year * 100 + Month).CompareTo(other.Year * 100 + other.Month);

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
