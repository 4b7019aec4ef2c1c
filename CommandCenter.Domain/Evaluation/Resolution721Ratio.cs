namespace CommandCenter.Domain.Evaluation;

/// <summary>721 比例: the shares of service, management and enforcement closes against the 70 / 20 / 10 target (domain.md §6.2).</summary>
public sealed record Resolution721Ratio(long Total, Resolution721Share Service, Resolution721Share Management, Resolution721Share Enforcement)
{
    /// <summary>
    /// 偏离度: half the sum of |deviation|, in percentage points — the share of closes that would have to carry
    /// another tag to meet the target exactly. Null when nothing was closed.
    /// </summary>
    public double? TotalDeviation => Total == 0
        ? null
        : (Math.Abs(Service.Deviation!.Value) + Math.Abs(Management.Deviation!.Value) + Math.Abs(Enforcement.Deviation!.Value)) / 2;

    public static Resolution721Ratio Of(Resolution721Counts counts, Resolution721Target target)
    {
        var total = Percent.NotNegative(counts.Service) + Percent.NotNegative(counts.Management) + Percent.NotNegative(counts.Enforcement);
        return new Resolution721Ratio(total,
            new(counts.Service, Percent.Of(counts.Service, total), target.Service),
            new(counts.Management, Percent.Of(counts.Management, total), target.Management),
            new(counts.Enforcement, Percent.Of(counts.Enforcement, total), target.Enforcement));
    }
}
