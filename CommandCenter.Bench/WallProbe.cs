using Microsoft.Playwright;

namespace CommandCenter.Bench;

/// <summary>
/// The first full render of <c>/wall</c>: the map is live, shows grids, has gone idle after the cases were loaded,
/// and the KPI tiles are visible. citymap.js writes data-case-count when cases are loaded and data-rendered-areas (grids, or a tiled city view's 社区) on
/// every idle; a MutationObserver installed before any page script stamps those moments with performance.now().
/// </summary>
public static class WallProbe
{
    private const string InitScript = """
        (() => {
            if (window.top !== window) return;
            const b = window.__ccBench = { casesAt: null, casesIdleAt: null, liveAt: null, kpiAt: null, done: null };
            const visible = (el) => { if (!el) return false; const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
            const check = () => {
                const t = performance.now();
                const map = document.querySelector('[data-testid=city-map]');
                const kpi = visible(document.querySelector('[data-testid=kpi-tiles]'));
                const live = map?.dataset.liveStatus === 'live';
                if (kpi && b.kpiAt === null) b.kpiAt = t;
                if (live && b.liveAt === null) b.liveAt = t;
                if (b.done === null && kpi && live && b.casesIdleAt !== null && Number(map.dataset.renderedAreas) > 0) b.done = t;
            };
            new MutationObserver((records) => {
                for (const r of records) {
                    if (r.type !== 'attributes') continue;
                    if (r.attributeName === 'data-case-count' && b.casesAt === null) b.casesAt = performance.now();
                    // The first idle (citymap.js writes data-rendered-areas, grids or 社区, on idle) after the cases were set on the map.
                    else if (r.attributeName === 'data-rendered-areas' && b.casesAt !== null && b.casesIdleAt === null
                        && Number(r.target.dataset.renderedAreas) > 0) b.casesIdleAt = performance.now();
                }
                check();
            }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-case-count', 'data-rendered-areas', 'data-live-status'] });
            // Polled too, in case the last condition to come true was a style change rather than a DOM mutation.
            window.__ccBenchCheck = check;
        })();
        """;

    private const string Done = "(window.__ccBenchCheck?.(), window.__ccBench?.done)";

    private const string Extra = """
        (() => {
            const b = window.__ccBench, map = document.querySelector('[data-testid=city-map]'), r = map.getBoundingClientRect();
            return { milestones: { 'cases loaded': b.casesAt, 'map idle with cases': b.casesIdleAt, 'live': b.liveAt, 'KPI tiles visible': b.kpiAt },
                caseCount: map.dataset.caseCount, renderedGrids: map.dataset.renderedGrids, renderedCommunities: map.dataset.renderedCommunities, mapWidth: r.width, mapHeight: r.height };
        })()
        """;

    public static Task<RenderSample> RunAsync(IBrowser browser, string storageState, Uri baseUri, PageIssues issues, IPageDiagnostics? diagnostics = null) =>
        ColdPageLoad.RunAsync(browser, storageState, new Uri(baseUri, "wall"), "/wall", issues, InitScript, Done, Extra, diagnostics);
}
