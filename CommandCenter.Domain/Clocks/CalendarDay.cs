namespace CommandCenter.Domain.Clocks;

/// <summary>One day of the holiday calendar: a holiday (e.g. 春节) or a make-up workday (e.g. 春节调休上班), with its name.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name);
