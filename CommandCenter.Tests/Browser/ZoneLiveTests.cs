using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>Screens follow the injected clock and the kiosks: a night market turns open at its opening minute, a low stock shows on the wall until restocked.</summary>
[Collection(CityCollection.Name)]
public sealed class ZoneLiveTests(CommandCenterFactory app) : BrowserTest(app)
{
    private const string Map = "document.querySelector('[data-testid=city-map]').ccMap";

    [Fact]
    public async Task A_night_market_turns_open_on_the_map_and_the_wall_when_the_clock_passes_its_opening_minute()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var (lon, lat) = await StreetOrder.FreeSpotAsync(11);
        // Opens 30 minutes from the app's clock, for three hours: closed now, open once the clock passes the opening minute.
        var now = StreetOrder.LocalNow(App);
        var opens = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0).AddMinutes(30);
        var name = "钟点夜市" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)[^4..];
        var id = await StreetOrder.CreateZoneAsync(admin, StreetOrder.Feature(StreetOrder.Square(lon, lat, 15),
            new { name, type = "night", windows = new[] { StreetOrder.Window(opens, opens.AddHours(3)) }, stallCount = 8, goods = "小吃" }));
        try
        {
            var map = await SignInAsync(await Chromium.NewContextAsync(), "dispatcher", "/map");
            var wall = await SignInAsync(await Chromium.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } }), "leader", "/wall");
            const string OpenState = "async n => (await " + Map + ".zones()).find(z => z.name === n)?.openNow";
            foreach (var page in new[] { map, wall })
            {
                await WaitForLiveMapAsync(page, 60_000);
                await page.WaitForFunctionAsync($"async n => (await {Map}.zones()).some(z => z.name === n)", name, new() { Timeout = 15_000 });
                Assert.False(await page.EvaluateAsync<bool>(OpenState, name));
            }

            App.Time.SetUtcNow(new DateTimeOffset(opens.AddMinutes(1), TimeSpan.FromHours(8)).ToUniversalTime());
            foreach (var page in new[] { map, wall })
            {
                await page.WaitForFunctionAsync(OpenState, name, new() { Timeout = 20_000 });
            }
            await wall.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "wall-night-market-open.png") });
        }
        finally
        {
            await StreetOrder.RetireAsync(await ApiClient.SignInAsync(App, "admin"), id);
        }
    }

    [Fact]
    public async Task A_kiosk_running_out_of_water_shows_on_the_wall_and_leaves_it_when_restocked()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var water = (await admin.Http.GetFromJsonAsync<JsonElement>("/api/kiosks/K02")).GetProperty("kiosk").GetProperty("supplies").EnumerateArray()
            .Single(s => s.GetProperty("item").GetString() == "water");
        var (stock, threshold) = (water.GetProperty("stock").GetInt32(), water.GetProperty("threshold").GetInt32());
        var wall = await SignInAsync(await Chromium.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } }), "leader", "/wall");
        await WaitForLiveMapAsync(wall, 60_000);
        await Assertions.Expect(wall.GetByTestId("wall-low-stock")).ToBeVisibleAsync(); // the demo city has kiosks short of something already
        var row = wall.Locator("[data-testid=wall-low-stock] [data-kiosk=K02][data-item=water]");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        try
        {
            var low = await admin.Http.PutAsJsonAsync("/api/kiosks/K02/supplies/water", new { stock = Math.Max(0, threshold - 1) });
            Assert.True(low.IsSuccessStatusCode, await low.Content.ReadAsStringAsync());
            await Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Assertions.Expect(row).ToContainTextAsync($"{Math.Max(0, threshold - 1)} / {threshold}");
            await wall.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "wall-low-stock.png") });
        }
        finally
        {
            await admin.Http.PutAsJsonAsync("/api/kiosks/K02/supplies/water", new { stock });
        }
        await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }
}
