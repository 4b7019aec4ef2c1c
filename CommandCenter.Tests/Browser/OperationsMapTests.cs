using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>The operator map: live cases, counts, layer switches, choropleth, filters, search and drawers.</summary>
[Collection(CityCollection.Name)]
public sealed class OperationsMapTests(CommandCenterFactory app) : BrowserTest(app)
{
    [Fact]
    public async Task An_operator_sees_live_cases_switches_layers_filters_and_opens_drawers_by_search()
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } });
        var page = await SignInAsync(context, "dispatcher", "/map");
        var map = page.GetByTestId("city-map");
        await WaitForLiveMapAsync(page, 60_000);
        await Assertions.Expect(page.GetByTestId("map-legend")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("live-status")).ToContainTextAsync("实时");
        var openBefore = int.Parse(await page.GetByTestId("count-open").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        // A case reported in the field shows up and is counted, without reload.
        var member = await ApiClient.SignInAsync(App, "gridmember-12");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var created = await (await member.ReportAsync(lon, lat, category: "20305", description: "机动车乱停放堵住消防通道")).Content.ReadFromJsonAsync<JsonElement>();
        var number = created.GetProperty("number").GetString()!;
        await Assertions.Expect(page.GetByTestId("count-open")).ToHaveTextAsync((openBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("report", await page.EvaluateAsync<string>("n => document.querySelector('[data-testid=city-map]').ccMap.caseByNumber(n)?.stage", number));

        // Layers switch on and off.
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('[data-testid=city-map]').ccMap.visible('kiosks-point')"));
        await page.Locator("[data-layer=kiosks] input").ClickAsync();
        await page.WaitForFunctionAsync("() => !document.querySelector('[data-testid=city-map]').ccMap.visible('kiosks-point')");
        await page.Locator("[data-layer=streets] input").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=city-map]').ccMap.visible('streets-line')");

        // The choropleth switches to overdue cases and the legend follows.
        await page.GetByText("超期案件").Last.ClickAsync();
        await Assertions.Expect(page.GetByTestId("map-legend")).ToContainTextAsync("网格超期案件数");

        // A stage filter applies to the map and to the counts.
        await page.Locator("[data-testid=filter-stage] .mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "立案" }).First.ClickAsync();
        await page.WaitForFunctionAsync("n => document.querySelector('[data-testid=city-map]').ccMap.caseByNumber(n) === null", number);
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('[data-testid=city-map]').ccMap.cases().every(c => c.stage === 'file')"));
        var filedOnMap = await page.EvaluateAsync<int>("() => document.querySelector('[data-testid=city-map]').ccMap.cases().length");
        await Assertions.Expect(page.GetByTestId("count-open")).ToHaveTextAsync(filedOnMap.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Search by case number flies there and opens the case drawer; by grid code, the grid drawer.
        await page.GetByTestId("map-search").Locator("input").FillAsync(number);
        await page.GetByTestId("map-search").Locator("input").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("drawer-case")).ToContainTextAsync(number);
        await Assertions.Expect(page.GetByTestId("drawer-case")).ToContainTextAsync("上报");
        var gridCode = created.GetProperty("gridCode").GetString()!;
        await page.GetByTestId("map-search").Locator("input").FillAsync(gridCode);
        await page.GetByTestId("map-search").Locator("input").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("drawer-grid")).ToContainTextAsync(gridCode);
        await Assertions.Expect(page.GetByTestId("drawer-grid-open")).Not.ToHaveTextAsync("0");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "operations-map.png") });
    }
}
