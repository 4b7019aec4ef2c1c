namespace CommandCenter.Domain.Zones;

/// <summary>A set of days of the week (flags, Monday first), for weekly opening rules.</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,

    /// <summary>Monday to Friday.</summary>
    WorkWeek = Monday | Tuesday | Wednesday | Thursday | Friday,

    /// <summary>Saturday and Sunday.</summary>
    Weekend = Saturday | Sunday,

    /// <summary>Every day.</summary>
    Daily = WorkWeek | Weekend,
}
