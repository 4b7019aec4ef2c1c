namespace CommandCenter.Bench;

/// <summary>
/// One cold load of a page. All times are ms of <c>performance.now()</c> in the page, so navigation start is 0
/// and nothing of the .NET side (Playwright round trips, polling) is counted. <c>RenderedCommunities</c>: the 社区 a tiled
/// city's city view draws instead of its grids (-1 where the page does not say).
/// </summary>
public sealed record RenderSample(
    double FullRenderMs,
    double ResponseStartMs,
    double DomContentLoadedMs,
    IReadOnlyDictionary<string, double> Milestones,
    int CaseCount,
    int RenderedGrids,
    double MapWidth,
    double MapHeight,
    int RenderedCommunities = -1);
