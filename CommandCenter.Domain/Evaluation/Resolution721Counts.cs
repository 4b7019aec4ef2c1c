namespace CommandCenter.Domain.Evaluation;

/// <summary>721 counts: cases closed in the period by their 721 tag (Case.Resolution: service / management / enforcement).</summary>
public sealed record Resolution721Counts
{
    /// <summary>服务: closes tagged "service".</summary>
    public required long Service { get; init; }
    /// <summary>管理: closes tagged "management".</summary>
    public required long Management { get; init; }
    /// <summary>执法: closes tagged "enforcement".</summary>
    public required long Enforcement { get; init; }

    public long Total => Service + Management + Enforcement;
}
