using System.Globalization;
using Microsoft.Playwright;

namespace CommandCenter.Bench;

/// <summary>
/// The baseline: wwwroot/bench/wall-static.html draws the wall's visible map layers with plain MapLibre and writes
/// performance.now() into data-done at the first idle after everything is added. It is sized like the wall's map panel.
/// With <c>tiles</c> it draws the grids and cases from the app's vector tiles, as <c>/map</c> draws a large city.
/// </summary>
public static class StaticMapProbe
{
    private const string Done = "document.querySelector('[data-testid=static-map]')?.dataset.done ?? null";

    private const string Extra = """
        (() => {
            const map = document.querySelector('[data-testid=static-map]'), r = map.getBoundingClientRect();
            return { milestones: {}, caseCount: map.dataset.caseCount, renderedGrids: map.dataset.renderedGrids, renderedCommunities: map.dataset.renderedCommunities, mapWidth: r.width, mapHeight: r.height };
        })()
        """;

    public static Task<RenderSample> RunAsync(IBrowser browser, string storageState, Uri baseUri, PageIssues issues, double width, double height, bool tiles = false)
    {
        var url = new Uri(baseUri, string.Create(CultureInfo.InvariantCulture, $"bench/wall-static.html?w={Math.Round(width)}&h={Math.Round(height)}{(tiles ? "&tiles=1" : "")}"));
        return ColdPageLoad.RunAsync(browser, storageState, url, "static", issues, null, Done, Extra);
    }
}
