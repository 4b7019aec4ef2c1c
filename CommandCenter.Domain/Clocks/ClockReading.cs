namespace CommandCenter.Domain.Clocks;

/// <summary>What a step clock says at one instant: deadline, time used (in the limit's unit), 超时倍数 and colour.</summary>
public sealed record ClockReading(
    TimeLimit Limit,
    DateTimeOffset StartedAt,
    DateTimeOffset Deadline,
    double Used,
    bool IsPaused)
{
    /// <summary>超时倍数: used ÷ limit.</summary>
    public double OvertimeMultiple => Limit.Value <= 0 ? 0 : Used / Limit.Value;

    public bool IsOverdue => !IsPaused && Used > Limit.Value;

    public TimingLevel Level => OvertimeMultiple switch
    {
        >= 2 => TimingLevel.Purple,
        > 1 => TimingLevel.Red,
        >= 0.8 => TimingLevel.Orange,
        >= 0.5 => TimingLevel.Yellow,
        _ => TimingLevel.Green,
    };
}
