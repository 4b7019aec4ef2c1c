using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>What a person sees when opening the app: the city map with its grids, in Chinese.</summary>
[Collection(CityCollection.Name)]
public sealed class HomePageTests(CommandCenterFactory app) : BrowserTest(app)
{
    [Fact]
    public async Task The_home_page_draws_the_grids_on_the_map_and_shows_a_grid_on_click()
    {
        var page = await Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "zh-CN" });
        var consoleErrors = new List<string>();
        page.Console += (_, msg) => { if (msg.Type == "error") consoleErrors.Add(msg.Text); };
        page.Response += (_, response) => { if (response.Status >= 400) consoleErrors.Add($"HTTP {response.Status} {response.Url}"); };
        await page.GotoAsync(App.ServerAddress.ToString());

        await Assertions.Expect(page.GetByText("城市运行指挥中心").First).ToBeVisibleAsync();
        var map = page.Locator("[data-testid=city-map]");
        // The JS module writes how many grid polygons MapLibre actually rendered once the map is idle.
        await Assertions.Expect(map).ToHaveAttributeAsync("data-rendered-grids", new System.Text.RegularExpressions.Regex("^[1-9][0-9]+$"),
            new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });
        var rendered = int.Parse(await map.GetAttributeAsync("data-rendered-grids") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(rendered > 100, $"only {rendered} grid polygons drawn");
        await Assertions.Expect(page.GetByText("© OpenStreetMap contributors").First).ToBeVisibleAsync();

        // Hovering shows the grid card, clicking fills the side panel with the grid's code.
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Assertions.Expect(page.Locator(".cc-map-tip")).ToBeVisibleAsync();
        await page.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await Assertions.Expect(page.Locator("[data-testid=grid-code]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]{15}$"));
        await Assertions.Expect(page.Locator("[data-testid=grid-details]")).ToContainTextAsync("社区");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "home-map.png") });
        Assert.True(consoleErrors.Count == 0, string.Join(Environment.NewLine, consoleErrors));
    }

    [Fact]
    public async Task The_language_switch_turns_the_app_into_english()
    {
        var context = await Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(App.ServerAddress.ToString());
        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.GetByText("City Operations Command Center").First).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}
