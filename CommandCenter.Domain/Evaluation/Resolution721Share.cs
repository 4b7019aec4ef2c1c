namespace CommandCenter.Domain.Evaluation;

/// <summary>One tag's place in the 721 ratio: its share of the tagged closes (%, null when none closed), the target and the gap.</summary>
public sealed record Resolution721Share(long Count, double? Share, double Target)
{
    /// <summary>Share − target, in percentage points: positive is above the target.</summary>
    public double? Deviation => Share - Target;
}
