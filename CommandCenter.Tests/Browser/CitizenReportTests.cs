using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>随手拍 on a phone: the report reaches an open wall live; the reporter's status page shows the stage, hides personal data, and asks for a rating once closed.</summary>
[Collection(CityCollection.Name)]
public sealed class CitizenReportTests(CommandCenterFactory app) : BrowserTest(app)
{
    [Fact]
    public async Task A_report_filed_on_a_phone_appears_on_the_open_wall_and_its_status_page_shows_the_stage_without_personal_data()
    {
        var wallContext = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var wall = await SignInAsync(wallContext, "leader", "/wall");
        await WaitForLiveMapAsync(wall, 60_000);

        // A citizen scans the notice board of 一枝园 (S001) with a phone: the page opens placed on that street.
        var phoneContext = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
        });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(new Uri(App.ServerAddress, "/report?street=S001").ToString());
        await Assertions.Expect(phone.Locator("[data-testid=report-page][data-ready=true]")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await Assertions.Expect(phone.GetByTestId("report-street")).ToContainTextAsync("一枝园");
        await Assertions.Expect(phone.GetByTestId("report-location")).Not.ToHaveAttributeAsync("data-lon", "");

        await phone.GetByTestId("report-category").SelectOptionAsync("20102");
        await phone.Locator("[data-testid=report-attr-pile_size] select").SelectOptionAsync("medium");
        await phone.GetByTestId("report-photo").SetInputFilesAsync(new FilePayload { Name = "scene.png", MimeType = "image/png", Buffer = ApiClient.TinyPng });
        await phone.GetByTestId("report-description").FillAsync("公示牌旁边堆了一堆垃圾");
        await phone.GetByTestId("report-contact").ClickAsync();
        await phone.GetByTestId("report-name").FillAsync("孙八");
        await phone.GetByTestId("report-phone").FillAsync("13666667777");
        // The map works without signing in: the grids are drawn.
        await Assertions.Expect(phone.GetByTestId("city-map")).ToHaveAttributeAsync("data-grid-count", new System.Text.RegularExpressions.Regex("^[1-9]"),
            new LocatorAssertionsToHaveAttributeOptions { Timeout = 60_000 });
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "report-phone.png"), FullPage = true });
        await phone.GetByTestId("report-submit").ClickAsync();

        var numberText = phone.GetByTestId("report-number");
        await Assertions.Expect(numberText).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 20_000 });
        var number = (await numberText.InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]{12}$", number);

        // The open wall shows it without a reload, as a new report.
        var onWall = await WaitForCaseAsync(wall, number, c => c is not null);
        Assert.Equal("report", onWall!.Value.GetProperty("stage").GetString());
        Assert.Equal("public", onWall.Value.GetProperty("source").GetString());
        await wall.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "report-on-wall.png") });

        // The reporter follows the link: the stage in plain words, no name, no phone.
        await phone.GetByTestId("report-status-link").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("status-stage")).ToHaveAttributeAsync("data-stage", "received");
        await Assertions.Expect(phone.GetByTestId("status-stage")).ToHaveTextAsync("已收到");
        await Assertions.Expect(phone.GetByTestId("status-category")).ToHaveTextAsync("暴露垃圾");
        var text = await phone.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("孙八", text);
        Assert.DoesNotContain("13666667777", text);
        await Assertions.Expect(phone.GetByTestId("satisfaction-form")).ToHaveCountAsync(0);
        var statusUrl = phone.Url;

        // Staff work the case to the end; the page shows it closed, the after-photo and the question, answered once.
        var intake = await ApiClient.SignInAsync(App, "intake");
        var id = (await intake.Http.GetFromJsonAsync<JsonElement>($"/api/cases?q={number}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var dutyGrid = (await intake.CaseAsync(id)).GetProperty("case").GetProperty("dutyGridCode").GetString()!;
        var member = await ApiClient.SignInAsync(App, await GridMemberOfAsync(dutyGrid));
        await intake.ActOkAsync(id, "accept");
        await phone.ReloadAsync();
        await Assertions.Expect(phone.GetByTestId("status-stage")).ToHaveTextAsync("核实中");
        await member.ActOkAsync(id, "verify", new { photoIds = new[] { await member.UploadPhotoAsync() } });
        var shiftLead = await ApiClient.SignInAsync(App, "shiftlead");
        await shiftLead.ActOkAsync(id, "file");
        await (await ApiClient.SignInAsync(App, "dispatcher")).ActOkAsync(id, "dispatch", new { department = "sanitation" });
        var handler = await ApiClient.SignInAsync(App, "handler");
        await handler.ActOkAsync(id, "handle", new { photoIds = new[] { await handler.UploadPhotoAsync() } });
        await intake.ActOkAsync(id, "send-check");
        await member.ActOkAsync(id, "check-pass", new { photoIds = new[] { await member.UploadPhotoAsync() } });
        await shiftLead.ActOkAsync(id, "close", new { resolution = "service" });

        await phone.GotoAsync(statusUrl);
        await Assertions.Expect(phone.GetByTestId("status-stage")).ToHaveAttributeAsync("data-stage", "closed");
        await Assertions.Expect(phone.GetByTestId("status-after-photo")).ToBeVisibleAsync();
        Assert.True(await phone.GetByTestId("status-after-photo").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await Assertions.Expect(phone.Locator("[data-testid=status-timeline] li")).ToHaveCountAsync(6); // received … closed
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "status-phone.png"), FullPage = true });
        await phone.Locator("[data-testid=satisfaction-form] button[data-answer=satisfied]").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("status-satisfaction")).ToHaveAttributeAsync("data-answer", "satisfied");
        await Assertions.Expect(phone.GetByTestId("status-rated")).ToBeVisibleAsync();
        Assert.Equal("satisfied", (await intake.Http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/reporter")).GetProperty("satisfaction").GetString());

        // Someone else with only the number sees the status but no question.
        var stranger = await (await Chromium.NewContextAsync()).NewPageAsync();
        await stranger.GotoAsync(new Uri(App.ServerAddress, $"/s/{number}").ToString());
        await Assertions.Expect(stranger.GetByTestId("status-stage")).ToHaveAttributeAsync("data-stage", "closed");
        await Assertions.Expect(stranger.GetByTestId("satisfaction-form")).ToHaveCountAsync(0);
        await Assertions.Expect(stranger.GetByTestId("status-satisfaction")).ToHaveCountAsync(0);
    }

    /// <summary>The demo user of a duty grid: gridmember for the first by code, gridmember-{n} for the n-th.</summary>
    private static async Task<string> GridMemberOfAsync(string dutyGrid)
    {
        await using var conn = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT user_name FROM users WHERE duty_grid_code = @d", conn);
        cmd.Parameters.AddWithValue("d", dutyGrid);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task<JsonElement?> WaitForCaseAsync(IPage page, string number, Func<JsonElement?, bool> condition)
    {
        JsonElement? last = null;
        for (var i = 0; i < 150; i++)
        {
            var json = await page.EvaluateAsync<string>("n => JSON.stringify(document.querySelector('[data-testid=city-map]').ccMap?.caseByNumber(n) ?? null)", number);
            last = json == "null" ? null : JsonDocument.Parse(json).RootElement;
            if (condition(last))
            {
                return last;
            }
            await page.WaitForTimeoutAsync(100);
        }
        Assert.Fail($"case {number} did not show on the wall as expected; last seen: {last}");
        return last;
    }
}
