using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>The wall display, hands-free: live cases on the map and in the figures, surviving a dropped network.</summary>
[Collection(CityCollection.Name)]
public sealed class WallDisplayTests(CommandCenterFactory app) : BrowserTest(app)
{
    [Fact]
    public async Task Cases_appear_recolour_and_disappear_on_the_wall_without_reload_and_it_catches_up_after_going_offline()
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var page = await SignInAsync(context, "leader", "/wall");
        var map = page.GetByTestId("city-map");
        await WaitForLiveMapAsync(page, 60_000);
        await Assertions.Expect(page.GetByTestId("kpi-tiles")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.__noReload = true");
        var reportedBefore = await KpiAsync(page, "reported");

        // A new case appears on the map and in the figures.
        var member = await ApiClient.SignInAsync(App, "gridmember-11");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var created = await (await member.ReportAsync(lon, lat, category: "20102", description: "大屏测试: 暴露垃圾")).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var number = created.GetProperty("number").GetString()!;
        await WaitForCaseAsync(page, number, c => c is not null && c.Value.GetProperty("stage").GetString() == "report");
        await Assertions.Expect(page.Locator("[data-kpi=reported] .cc-kpi-value")).ToHaveTextAsync((reportedBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("ticker")).ToContainTextAsync("新上报");

        // It moves through the workflow: the marker changes stage.
        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(id, "accept");
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "file");
        await WaitForCaseAsync(page, number, c => c?.GetProperty("stage").GetString() == "file");
        await (await ApiClient.SignInAsync(App, "dispatcher")).ActOkAsync(id, "dispatch", new { department = "sanitation" });
        await WaitForCaseAsync(page, number, c => c?.GetProperty("stage").GetString() == "handle" && c?.GetProperty("department").GetString() == "sanitation");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "wall-1920x1080.png") });

        // The network drops; the case moves on meanwhile; back online the wall catches up with nothing missed.
        await context.SetOfflineAsync(true);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-live-status", "offline");
        var handler = await ApiClient.SignInAsync(App, "handler");
        await handler.ActOkAsync(id, "handle", new { photoIds = new[] { await handler.UploadPhotoAsync() } });
        var second = await (await member.ReportAsync(lon + 0.0003, lat, category: "20201", description: "离线期间上报")).Content.ReadFromJsonAsync<JsonElement>();
        await context.SetOfflineAsync(false);
        await Assertions.Expect(map).ToHaveAttributeAsync("data-live-status", "live", new LocatorAssertionsToHaveAttributeOptions { Timeout = 30_000 });
        await WaitForCaseAsync(page, number, c => c?.GetProperty("status").GetString() == "handled");
        await WaitForCaseAsync(page, second.GetProperty("number").GetString()!, c => c is not null);

        // Closed: it leaves the map.
        var intake = await ApiClient.SignInAsync(App, "intake");
        await intake.ActOkAsync(id, "send-check");
        await member.ActOkAsync(id, "check-pass", new { photoIds = new[] { await member.UploadPhotoAsync() } });
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "close", new { resolution = "management" });
        await WaitForCaseAsync(page, number, c => c is null);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"));

        await page.SetViewportSizeAsync(3840, 2160);
        await page.WaitForTimeoutAsync(1500);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "wall-3840x2160.png") });
    }

    [Fact]
    public async Task The_morning_review_replays_a_days_events_on_the_map()
    {
        // Make sure today has a few events of its own.
        var member = await ApiClient.SignInAsync(App, "gridmember-13");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var created = await (await member.ReportAsync(lon, lat, category: "20201", description: "回放测试: 小广告")).Content.ReadFromJsonAsync<JsonElement>();
        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(created.GetProperty("id").GetGuid(), "accept");
        var today = App.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var events = await member.Http.GetFromJsonAsync<JsonElement>($"/api/events/day?date={today}");
        var total = events.GetArrayLength();
        Assert.True(total >= 2);

        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var page = await SignInAsync(context, "leader", $"/wall?replay={today}&speed=100000000");
        var map = page.GetByTestId("city-map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-live-status", "replay", new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });
        await Assertions.Expect(map).ToHaveAttributeAsync("data-replay-done", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("replay-progress")).ToHaveTextAsync($"{total} / {total}");
        // The replayed map ends the day as the live one does: the case is on it, accepted.
        Assert.Equal("pending-filing", await page.EvaluateAsync<string>("n => document.querySelector('[data-testid=city-map]').ccMap.caseByNumber(n)?.status", created.GetProperty("number").GetString()));
    }

    private static async Task<int> KpiAsync(IPage page, string key) =>
        int.Parse(await page.Locator($"[data-kpi={key}] .cc-kpi-value").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Polls what the map holds for a case number until the condition holds (10 s at most).</summary>
    private static async Task WaitForCaseAsync(IPage page, string number, Func<JsonElement?, bool> condition)
    {
        JsonElement? last = null;
        for (var i = 0; i < 100; i++)
        {
            var json = await page.EvaluateAsync<string>("n => JSON.stringify(document.querySelector('[data-testid=city-map]').ccMap?.caseByNumber(n) ?? null)", number);
            last = json == "null" ? null : JsonDocument.Parse(json).RootElement;
            if (condition(last))
            {
                return;
            }
            await page.WaitForTimeoutAsync(100);
        }
        Assert.Fail($"case {number} on the map never met the condition; last seen: {last?.ToString() ?? "absent"}");
    }
}
