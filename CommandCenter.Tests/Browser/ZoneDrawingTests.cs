using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>An admin draws a zone on /map with the mouse; a dispatcher's map in another browser shows it without reload.</summary>
[Collection(CityCollection.Name)]
public sealed class ZoneDrawingTests(CommandCenterFactory app) : BrowserTest(app)
{
    private const string Map = "document.querySelector('[data-testid=city-map]').ccMap";

    [Fact]
    public async Task A_zone_drawn_by_clicks_on_the_map_is_saved_and_appears_on_another_operators_map()
    {
        var viewport = new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 } };
        var admin = await SignInAsync(await Chromium.NewContextAsync(viewport), "admin", "/map");
        var other = await SignInAsync(await Chromium.NewContextAsync(viewport), "dispatcher", "/map");
        foreach (var page in new[] { admin, other })
        {
            await WaitForLiveMapAsync(page, 60_000);
        }
        await WaitForInteractivityAsync(admin);

        var (lon, lat) = await StreetOrder.FreeSpotAsync(7);
        await admin.EvaluateAsync($"([x, y]) => {Map}.jumpTo(x, y, 18)", new[] { lon, lat });
        await admin.GetByTestId("zone-draw").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("city-map")).ToHaveAttributeAsync("data-drawing", "true");

        // Four corners about 15 m around the spot, then the first one again to close the polygon.
        var canvas = await admin.Locator("[data-testid=city-map] canvas").First.BoundingBoxAsync();
        var corners = StreetOrder.Square(lon, lat, 15).Take(4).ToList();
        foreach (var corner in corners.Append(corners[0]))
        {
            var p = await admin.EvaluateAsync<float[]>($"([x, y]) => {Map}.project(x, y)", corner);
            var (x, y) = (canvas!.X + p[0], canvas.Y + p[1]);
            await admin.Mouse.MoveAsync(x, y, new() { Steps = 4 });
            await admin.Mouse.ClickAsync(x, y);
            await admin.WaitForTimeoutAsync(250);
        }
        await Assertions.Expect(admin.GetByTestId("city-map")).ToHaveAttributeAsync("data-drawn-vertices", "4");
        await Assertions.Expect(admin.GetByTestId("zone-shape")).ToContainTextAsync("4");

        var name = "鼠标绘制疏导点" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)[^4..];
        await Field(admin, "zone-name").FillAsync(name);
        await Field(admin, "zone-hours-start").FillAsync("16:30");
        await Field(admin, "zone-hours-end").FillAsync("20:00");
        await Field(admin, "zone-stalls").FillAsync("6");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "zone-drawing.png") });
        await admin.GetByTestId("zone-save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("drawer-zone")).ToContainTextAsync(name);
        await Assertions.Expect(admin.GetByTestId("drawer-zone-hours")).ToContainTextAsync("16:30-20:00");

        // Saved as drawn, and the other operator's map redraws the zones layer on zoneChanged.
        var api = await ApiClient.SignInAsync(App, "admin");
        var saved = (await api.Http.GetFromJsonAsync<JsonElement>("/api/zones")).GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("name").GetString() == name);
        var id = saved.GetProperty("properties").GetProperty("id").GetString()!;
        try
        {
            Assert.Equal(5, saved.GetProperty("geometry").GetProperty("coordinates")[0].GetArrayLength());
            Assert.Equal("guided", saved.GetProperty("properties").GetProperty("type").GetString());
            await other.WaitForFunctionAsync($"async n => (await {Map}.zones()).some(z => z.name === n)", name, new() { Timeout = 15_000 });
            await other.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "zone-drawn-other-browser.png") });
        }
        finally
        {
            await StreetOrder.RetireAsync(api, id);
        }
        await other.WaitForFunctionAsync($"async n => !(await {Map}.zones()).some(z => z.name === n)", name, new() { Timeout = 15_000 });
    }

    // MudBlazor puts the test id on the <input> itself or on the field around it, depending on the component.
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
