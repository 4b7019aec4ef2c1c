namespace CommandCenter.Domain.Enforcement;

/// <summary>Which leniency rule of 《行政处罚法》第三十三条第一款 an item follows.</summary>
public enum LeniencyKind
{
    /// <summary>首违免罚: first offence, slight harm, corrected in time → may go unpunished; a repeat within the look-back is not lenient.</summary>
    First,

    /// <summary>轻违不罚: minor, corrected in time, no harm → not punished, whatever the history.</summary>
    Minor,
}
