using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Cases;

/// <summary>
/// The workflow's admin settings beyond time limits: how many extensions the desks may grant before a leader must,
/// when returns count as 推诿 and reworks as 多次返工, the duplicate window, and when the clock chases and supervises by
/// itself. Defaults follow domain.md §4.3–4.4.
/// </summary>
public sealed record WorkflowSettings
{
    public const int MaxCount = 20;

    /// <summary>Extensions the dispatcher or shift leader may approve; a further one goes to a leader (domain.md §4.4).</summary>
    public int MaxDeskExtensions { get; init; } = 2;

    /// <summary>推诿: returned more than this many times (a second return counts, domain.md §4.3).</summary>
    public int ShirkingReturnsAbove { get; init; } = 1;

    /// <summary>多次返工: reworked at least this many times (domain.md §4.3 #21: ≥ 2).</summary>
    public int MultipleReworkAtLeast { get; init; } = 2;

    /// <summary>Likely duplicates: same category, within 50 m, reported within this window (domain.md §4.3 #3: 24 h).</summary>
    public TimeSpan DuplicateWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Automatic 催办 and 督办.</summary>
    public ReminderSettings Reminders { get; init; } = ReminderSettings.Defaults;

    public static WorkflowSettings Defaults { get; } = new();

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        if (MaxDeskExtensions is < 0 or > MaxCount)
        {
            errors.Add(new FieldError("maxDeskExtensions", "OutOfRange", 0, MaxCount));
        }
        if (ShirkingReturnsAbove is < 0 or > MaxCount)
        {
            errors.Add(new FieldError("shirkingReturnsAbove", "OutOfRange", 0, MaxCount));
        }
        if (MultipleReworkAtLeast is < 1 or > MaxCount)
        {
            errors.Add(new FieldError("multipleReworkAtLeast", "OutOfRange", 1, MaxCount));
        }
        if (!(DuplicateWindow.TotalHours is >= 1 and <= 24 * 30))
        {
            errors.Add(new FieldError("duplicateWindowHours", "OutOfRange", 1, 24 * 30));
        }
        errors.AddRange(Reminders.Validate().Select(e => e with { Field = "reminders." + e.Field }));
        return errors;
    }
}
