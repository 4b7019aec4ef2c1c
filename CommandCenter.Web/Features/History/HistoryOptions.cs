namespace CommandCenter.Web.Features.History;

/// <summary>
/// What history to generate: about <see cref="CasesPerYear"/> cases a year over the <see cref="Months"/> months
/// before <see cref="Until"/>, reproducibly from <see cref="Seed"/>. Thirteen months by default, so the latest month
/// has its month of last year to compare with (同比).
/// </summary>
public sealed record HistoryOptions
{
    public int CasesPerYear { get; init; } = 130_000;
    public int Months { get; init; } = 13;
    public int Seed { get; init; } = 1;
    /// <summary>The history ends here (the clock's now); nothing happens after it.</summary>
    public required DateTimeOffset Until { get; init; }
    /// <summary>Progress lines (generation and copy); null for none.</summary>
    public Action<string>? Progress { get; init; }
}
