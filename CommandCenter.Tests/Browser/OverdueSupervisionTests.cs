using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>When the clock passes a case's deadline, its 督办 mark appears on the wall and on the desks without a reload.</summary>
[Collection(CityCollection.Name)]
public sealed class OverdueSupervisionTests(CommandCenterFactory app) : BrowserTest(app)
{
    [Fact]
    public async Task A_case_turning_overdue_shows_its_supervision_mark_on_the_wall_and_the_dispatch_desk_without_reload()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-70");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var created = await (await member.ReportAsync(lon, lat, category: "20102", description: "超期督办测试")).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var number = created.GetProperty("number").GetString()!;
        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(id, "accept");
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "file");
        var dispatched = await (await ApiClient.SignInAsync(App, "dispatcher")).ActOkAsync(id, "dispatch", new { department = "sanitation" });
        var deadline = dispatched.GetProperty("clock").GetProperty("deadline").GetDateTimeOffset();

        var wallContext = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var wall = await SignInAsync(wallContext, "leader", "/wall");
        await Assertions.Expect(wall.GetByTestId("city-map")).ToHaveAttributeAsync("data-live-status", "live", new() { Timeout = 60_000 });
        var deskContext = await Chromium.NewContextAsync();
        var desk = await SignInAsync(deskContext, "dispatcher", "/desk/dispatch");
        await WaitForInteractivityAsync(desk);
        Assert.Equal(0, await wall.EvaluateAsync<int>("n => document.querySelector('[data-testid=city-map]').ccMap.caseByNumber(n)?.supervision ?? -1", number));

        // The clock passes the deadline: the watcher raises 督办, and both screens hear of it.
        App.Time.SetUtcNow(deadline.AddMinutes(1));
        var overdueRow = desk.GetByTestId("queue-overdue-handling").Locator($"[data-case-number='{number}']");
        await Assertions.Expect(overdueRow.GetByTestId("mark-supervision")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await wall.WaitForFunctionAsync("n => (document.querySelector('[data-testid=city-map]').ccMap.caseByNumber(n)?.supervision ?? 0) >= 1", number,
            new PageWaitForFunctionOptions { Timeout = 20_000, PollingInterval = 200 });
        Assert.True(await wall.EvaluateAsync<bool>("n => document.querySelector('[data-testid=city-map]').ccMap.caseByNumber(n).overdue", number));
        await Assertions.Expect(wall.GetByTestId("ticker")).ToContainTextAsync("被督办", new() { Timeout = 20_000 });
        await Assertions.Expect(wall.Locator("[data-kpi=overdue] .cc-kpi-value")).Not.ToHaveTextAsync("0");
    }
}
