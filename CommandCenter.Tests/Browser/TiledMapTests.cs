using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>
/// The operator map drawn from vector tiles, as it is for a large city (above <c>Map:TileThreshold</c>); <c>?tiles=1</c>
/// takes the same path on the demo city: grids, cases and counts from the server, new cases laid over the tiles live,
/// and below z13 the 社区 instead of the grids.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class TiledMapTests(CommandCenterFactory app) : BrowserTest(app)
{
    private const string Map = "document.querySelector('[data-testid=city-map]')";

    [Fact]
    public async Task A_map_drawn_from_tiles_shows_grids_counts_a_new_case_live_and_finds_a_grid_by_search()
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        var page = await SignInAsync(context, "dispatcher", "/map?tiles=1");
        var map = page.GetByTestId("city-map");
        await WaitForLiveMapAsync(page, 60_000);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-tiles", "true");
        await Assertions.Expect(page.GetByTestId("live-status")).ToContainTextAsync("实时");
        // The grids come from /tiles/grids: once the map settles, the drawn grids are tile features of the 548 grids.
        await page.WaitForFunctionAsync($"() => Number({Map}.dataset.renderedGrids ?? 0) > 0", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.Equal("548", await map.GetAttributeAsync("data-grid-count"));
        var openBefore = int.Parse(await page.GetByTestId("count-open").InnerTextAsync(), CultureInfo.InvariantCulture);

        // A case reported in the field is laid over the tiles and counted (the counts come from the server's grid counts).
        var member = await ApiClient.SignInAsync(App, "gridmember-12");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var created = await (await member.ReportAsync(lon, lat, category: "20305", description: "机动车乱停放堵住消防通道")).Content.ReadFromJsonAsync<JsonElement>();
        var number = created.GetProperty("number").GetString()!;
        await page.WaitForFunctionAsync($"n => {Map}.ccMap.caseByNumber(n)?.stage === 'report'", number);
        await Assertions.Expect(page.GetByTestId("count-open")).ToHaveTextAsync((openBefore + 1).ToString(CultureInfo.InvariantCulture));

        // Below z13 the city view draws 社区 instead of grids, coloured and counted by the sums of their grids: the new
        // case's 社区 says it has an open case when hovered, and the legend names the 社区 scale.
        await page.EvaluateAsync($"([lon, lat]) => {Map}.ccMap.jumpTo(lon, lat, 12)", new[] { lon, lat });
        await page.WaitForFunctionAsync($"() => Number({Map}.dataset.renderedCommunities ?? 0) > 0 && {Map}.dataset.renderedGrids === '0'", null,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("map-legend")).ToContainTextAsync("社区在办案件数");
        var box = (await map.BoundingBoxAsync())!;
        var xy = await page.EvaluateAsync<double[]>($"([lon, lat]) => {Map}.ccMap.project(lon, lat)", new[] { lon, lat });
        await page.Mouse.MoveAsync((float)(box.X + xy[0] + 3), (float)(box.Y + xy[1] + 3));
        await Assertions.Expect(page.Locator(".cc-map-tip")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("在办案件[1-9]"));
        await Assertions.Expect(page.Locator(".cc-map-tip")).ToContainTextAsync("放大查看单元网格");

        // Search by grid code: the map knows the grid only from loaded tiles or the server's search, and opens its drawer.
        var gridCode = created.GetProperty("gridCode").GetString()!;
        await page.GetByTestId("map-search").Locator("input").FillAsync(gridCode);
        await page.GetByTestId("map-search").Locator("input").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("drawer-grid")).ToContainTextAsync(gridCode);
        await Assertions.Expect(page.GetByTestId("drawer-grid-open")).Not.ToHaveTextAsync("0");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "tiled-map.png") });
    }
}
