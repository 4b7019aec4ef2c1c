namespace CommandCenter.Domain.Clocks;

/// <summary>What a day in the holiday calendar is: an exception to the Monday–Friday working week.</summary>
public enum CalendarDayKind
{
    /// <summary>节假日: no working hours, whatever the weekday.</summary>
    Holiday,
    /// <summary>调休上班: a weekend day that is worked.</summary>
    Workday,
}
