using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>Two people, two browsers: the dispatcher dispatches, the department handler's queue shows it without a reload.</summary>
[Collection(CityCollection.Name)]
public sealed class DispatchLiveTests(CommandCenterFactory app) : BrowserTest(app)
{
    [Fact]
    public async Task A_dispatched_case_appears_in_the_handlers_queue_without_reload()
    {
        // A filed case of 暴露垃圾, made through the API.
        var member = await ApiClient.SignInAsync(App, "gridmember-10");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var created = await (await member.ReportAsync(lon, lat, category: "20102", description: "人行道上有暴露垃圾")).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var number = created.GetProperty("number").GetString()!;
        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(id, "accept");
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "file");

        // The 市容环卫 handler watches the department queue.
        var handlerContext = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var handlerPage = await SignInAsync(handlerContext, "handler", "/desk/department");
        await WaitForInteractivityAsync(handlerPage);
        var queue = handlerPage.GetByTestId("queue-department");
        await Assertions.Expect(queue).ToBeVisibleAsync();
        await Assertions.Expect(queue.Locator($"[data-case-number='{number}']")).ToHaveCountAsync(0);
        await handlerPage.EvaluateAsync("() => window.__noReload = true"); // survives only if the page is never reloaded

        // The dispatcher opens the case and dispatches it to 市容环卫 (the category's default department).
        var dispatcherContext = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var dispatcherPage = await SignInAsync(dispatcherContext, "dispatcher", $"/cases/{id}");
        await WaitForInteractivityAsync(dispatcherPage);
        await Assertions.Expect(dispatcherPage.GetByTestId("case-status")).ToHaveTextAsync("待派遣");
        await dispatcherPage.Locator("[data-action=dispatch]").ClickAsync();
        await Assertions.Expect(dispatcherPage.GetByTestId("action-form")).ToBeVisibleAsync();
        await dispatcherPage.Locator("[data-testid=action-form] textarea").First.FillAsync("请尽快清理");
        await dispatcherPage.GetByTestId("action-confirm").ClickAsync();
        await Assertions.Expect(dispatcherPage.GetByTestId("case-status")).ToHaveTextAsync("处置中");

        // The handler's queue shows it, live.
        await Assertions.Expect(queue.Locator($"[data-case-number='{number}']")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        Assert.True(await handlerPage.EvaluateAsync<bool>("() => window.__noReload === true"));
        await handlerPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "department-queue.png") });
        await dispatcherPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "case-detail.png"), FullPage = true });

        var detail = await (await ApiClient.SignInAsync(App, "dispatcher")).CaseAsync(id);
        var last = detail.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("dispatch", last.GetProperty("action").GetString());
        Assert.Equal("请尽快清理", last.GetProperty("note").GetString());
        Assert.Equal("sanitation", last.GetProperty("department").GetString());
    }

    [Fact]
    public async Task A_wrong_password_is_refused_on_the_sign_in_page()
    {
        var context = await Chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(App.ServerAddress, "/account/login").ToString());
        await page.GetByTestId("login-username").FillAsync("dispatcher");
        await page.GetByTestId("login-password").FillAsync("not-the-password");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToBeVisibleAsync();
    }
}
