using Microsoft.Playwright;

namespace CommandCenter.Bench;

/// <summary>
/// The first full render of <c>/map</c>: the map is live, grids are drawn and it has gone idle after the cases (or, when
/// drawn from tiles, the per-grid counts) were loaded — the same milestones as <see cref="WallProbe"/> without the KPI tiles.
/// </summary>
public static class MapProbe
{
    private const string InitScript = """
        (() => {
            if (window.top !== window) return;
            const b = window.__ccBench = { casesAt: null, casesIdleAt: null, liveAt: null, done: null };
            const check = () => {
                const t = performance.now();
                const map = document.querySelector('[data-testid=city-map]');
                const live = map?.dataset.liveStatus === 'live';
                if (live && b.liveAt === null) b.liveAt = t;
                if (b.done === null && live && b.casesIdleAt !== null && Number(map.dataset.renderedAreas) > 0) b.done = t;
            };
            new MutationObserver((records) => {
                for (const r of records) {
                    if (r.type !== 'attributes') continue;
                    if (r.attributeName === 'data-case-count' && b.casesAt === null) b.casesAt = performance.now();
                    else if (r.attributeName === 'data-rendered-areas' && b.casesAt !== null && b.casesIdleAt === null
                        && Number(r.target.dataset.renderedAreas) > 0) b.casesIdleAt = performance.now();
                }
                check();
            }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-case-count', 'data-rendered-areas', 'data-live-status'] });
            window.__ccBenchCheck = check;
        })();
        """;

    private const string Done = "(window.__ccBenchCheck?.(), window.__ccBench?.done)";

    private const string Extra = """
        (() => {
            const b = window.__ccBench, map = document.querySelector('[data-testid=city-map]'), r = map.getBoundingClientRect();
            return { milestones: { 'cases loaded': b.casesAt, 'map idle with cases': b.casesIdleAt, 'live': b.liveAt },
                caseCount: map.dataset.caseCount, renderedGrids: map.dataset.renderedGrids, renderedCommunities: map.dataset.renderedCommunities, mapWidth: r.width, mapHeight: r.height };
        })()
        """;

    public static Task<RenderSample> RunAsync(IBrowser browser, string storageState, Uri baseUri, PageIssues issues, IPageDiagnostics? diagnostics = null) =>
        ColdPageLoad.RunAsync(browser, storageState, new Uri(baseUri, "map"), "/map", issues, InitScript, Done, Extra, diagnostics);
}
