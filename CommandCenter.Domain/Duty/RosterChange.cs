namespace CommandCenter.Domain.Duty;

/// <summary>
/// 值班表变更: one change to the road-director roster, with who was on duty before and after. The roster's
/// history is the list of these; replaying them in order rebuilds the roster.
/// </summary>
/// <param name="Kind">What the change did.</param>
/// <param name="Month">The month changed, or the month of the stand-in's day.</param>
/// <param name="Day">The day of a stand-in change; null for month changes.</param>
/// <param name="Before">Who was on duty before (null for a newly planned month or a new stand-in).</param>
/// <param name="After">Who is on duty after (null when a stand-in was removed).</param>
/// <param name="By">Who made the change (an admin or a leader).</param>
/// <param name="At">When the change was made.</param>
public sealed record RosterChange(
    RosterChangeKind Kind,
    RosterMonth Month,
    DateOnly? Day,
    string? Before,
    string? After,
    string By,
    DateTimeOffset At);
