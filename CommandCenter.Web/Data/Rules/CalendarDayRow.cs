using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Rules;

/// <summary>An exception to the weekly working pattern: a holiday (节假日) or a make-up workday (调休).</summary>
public sealed class CalendarDayRow
{
    [Key] public DateOnly Date { get; set; }
    /// <summary>"holiday" or "workday".</summary>
    [MaxLength(16)] public required string Kind { get; set; }
    public string? Name { get; set; }
}
