namespace CommandCenter.Domain.Clocks;

/// <summary>What an automatic reminder on a running step clock is.</summary>
public enum ReminderKind
{
    /// <summary>催办: the handler is nudged while the limit is running out.</summary>
    Chase,
    /// <summary>督办: the case is put under supervision once it is overdue (domain.md §4.3 #26).</summary>
    Supervise,
}
