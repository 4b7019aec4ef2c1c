namespace CommandCenter.Domain.Analytics;

/// <summary>
/// 重复问题: the same category reported within <see cref="RadiusMetres"/> of one place at least <see cref="MinCount"/>
/// times within <see cref="Window"/> (domain.md §6 研判; defaults 50 m, 3 times, 30 days).
/// </summary>
public sealed record RepeatProblemRule
{
    public double RadiusMetres { get; init; } = 50;
    public int MinCount { get; init; } = 3;
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(30);

    public static RepeatProblemRule Defaults { get; } = new();
}
