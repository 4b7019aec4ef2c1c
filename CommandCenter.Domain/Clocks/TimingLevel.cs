namespace CommandCenter.Domain.Clocks;

/// <summary>计时等级: the colour a case's clock shows (domain.md §5.1).</summary>
public enum TimingLevel
{
    /// <summary>Less than half of the limit used.</summary>
    Green,
    /// <summary>50–80 % used.</summary>
    Yellow,
    /// <summary>80–100 % used: due soon.</summary>
    Orange,
    /// <summary>Overdue.</summary>
    Red,
    /// <summary>Twice the limit or more.</summary>
    Purple,
}
