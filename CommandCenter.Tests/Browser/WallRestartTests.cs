using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>The wall keeps going when its server restarts: it reconnects by itself and shows what happened meanwhile.</summary>
[Collection(CityCollection.Name)]
public sealed class WallRestartTests(CommandCenterFactory app) : BrowserTest(app)
{
    [Fact]
    public async Task The_wall_reconnects_after_its_server_restarts_and_shows_cases_reported_meanwhile()
    {
        App.StartServer(); // the shared database is migrated and seeded by the shared app
        await using var server = new AppProcess();
        await server.StartAsync();

        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var page = await SignInAsync(context, "leader", "/wall", server.Address);
        var map = page.GetByTestId("city-map");
        await WaitForLiveMapAsync(page, 60_000);

        await server.KillAsync();
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-live-status", "live", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });

        // While the wall's server is down, a case is reported (through the other app on the same database).
        var member = await ApiClient.SignInAsync(App, "gridmember-15");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var created = await (await member.ReportAsync(lon, lat, category: "20102", description: "服务器重启期间上报")).Content.ReadFromJsonAsync<JsonElement>();
        var number = created.GetProperty("number").GetString()!;

        await server.StartAsync();
        // Nobody touches the wall: it comes back live by itself (reconnecting, or reloading a lost session) and shows the case.
        await WaitForLiveMapAsync(page, 90_000);
        await page.WaitForFunctionAsync("n => document.querySelector('[data-testid=city-map]').ccMap?.caseByNumber(n) !== null && document.querySelector('[data-testid=city-map]').ccMap?.caseByNumber(n) !== undefined", number,
            new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 200 });
        Assert.EndsWith("/wall", new Uri(page.Url).AbsolutePath);
    }
}
