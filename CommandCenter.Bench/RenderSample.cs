namespace CommandCenter.Bench;

/// <summary>
/// One cold load of a page. All times are ms of <c>performance.now()</c> in the page, so navigation start is 0
/// and nothing of the .NET side (Playwright round trips, polling) is counted.
/// </summary>
public sealed record RenderSample(
    double FullRenderMs,
    double ResponseStartMs,
    double DomContentLoadedMs,
    IReadOnlyDictionary<string, double> Milestones,
    int CaseCount,
    int RenderedGrids,
    double MapWidth,
    double MapHeight);
