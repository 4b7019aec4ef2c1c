using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Geography;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>
/// Street chiefs and road directors as people see them: today's director on the wall and the map with a patrol's track
/// growing live, a chief's queue and bell without reload, and the notice board printed with a QR code to the report form.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class ChiefsAndDutyTests(CommandCenterFactory app) : BrowserTest(app)
{
    private const string Map = "document.querySelector('[data-testid=city-map]').ccMap";

    public override async Task DisposeAsync()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        await admin.Http.PutAsJsonAsync("/api/admin/escalation", new
        {
            overdueSpan = new { value = 4, unit = "workingHours" }, acknowledgeTimeout = new { value = 0.5, unit = "naturalHours" },
        });
        await base.DisposeAsync();
    }

    [Fact]
    public async Task The_wall_shows_todays_road_director_and_a_patrol_started_through_the_api_draws_a_growing_track()
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var wall = await SignInAsync(context, "leader", "/wall");
        await WaitForLiveMapAsync(wall, 60_000);
        // December 2026 is 黄守仁's month (the seeded roster), the `roaddirector` account.
        var today = await (await ApiClient.SignInAsync(App, "leader")).Http.GetFromJsonAsync<JsonElement>("/api/duty/road-director");
        var name = today.GetProperty("person").GetProperty("name").GetString()!;
        Assert.Equal("黄守仁", name);
        await Assertions.Expect(wall.GetByTestId("road-director").GetByTestId("road-director-name")).ToContainTextAsync(name);

        var director = await ApiClient.SignInAsync(App, "roaddirector");
        var start = await director.Http.PostAsync("/api/patrols", null);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        try
        {
            // Walking east from 新街口 along 中山东路: a fix every 30 s, 60 m apart.
            var (lon, lat) = (118.7845, 32.0437);
            var step = Geodesy.DegreesLon(60, lat);
            var t0 = App.Time.GetUtcNow();
            App.Time.Advance(TimeSpan.FromSeconds(70));
            await PostAsync(director, id, Enumerable.Range(0, 2).Select(i => new { lon = lon + step * i, lat, at = t0.AddSeconds(30 * (i + 1)), accuracyM = 6.0 }));
            await wall.WaitForFunctionAsync($"id => ({Map}.patrols().find(p => p.id === id)?.points ?? 0) >= 2", id.ToString(),
                new PageWaitForFunctionOptions { Timeout = 20_000, PollingInterval = 200 });

            App.Time.Advance(TimeSpan.FromSeconds(60));
            await PostAsync(director, id, Enumerable.Range(2, 2).Select(i => new { lon = lon + step * i, lat, at = t0.AddSeconds(30 * (i + 1)), accuracyM = 6.0 }));
            await wall.WaitForFunctionAsync($"id => ({Map}.patrols().find(p => p.id === id)?.points ?? 0) >= 4", id.ToString(),
                new PageWaitForFunctionOptions { Timeout = 20_000, PollingInterval = 200 });
            Assert.Equal(name, await wall.EvaluateAsync<string>($"id => {Map}.patrols().find(p => p.id === id).person", id.ToString()));
            // The panel's distance follows: 3 × 60 m = 0.18 km, shown to 0.1 km.
            await Assertions.Expect(wall.Locator("[data-figure=distance] b")).Not.ToHaveTextAsync("0.0 km", new() { Timeout = 20_000 });
            await wall.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "wall-road-director-patrol.png") });

            // The operations map says who is on duty too, and draws the same running track when it opens.
            var map = await context.NewPageAsync();
            await map.GotoAsync(new Uri(App.ServerAddress, "/map").ToString());
            await Assertions.Expect(map.GetByTestId("road-director-header")).ToContainTextAsync(name, new() { Timeout = 30_000 });
            await map.WaitForFunctionAsync($"id => ({Map}?.patrols().find(p => p.id === id)?.points ?? 0) >= 4", id.ToString(),
                new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 200 });
        }
        finally
        {
            await director.Http.PostAsync($"/api/patrols/{id}/end", null);
        }
        await wall.WaitForFunctionAsync($"id => !{Map}.patrols().some(p => p.id === id)", id.ToString(),
            new PageWaitForFunctionOptions { Timeout = 20_000, PollingInterval = 200 });
    }

    [Fact]
    public async Task A_chief_signs_in_to_their_street_queue_which_grows_live_and_an_overdue_case_rings_their_bell_without_reload()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync("/api/admin/escalation", new
        {
            overdueSpan = new { value = 1, unit = "naturalHours" }, acknowledgeTimeout = new { value = 10, unit = "naturalHours" },
        })).StatusCode);
        const string streetId = "S005";
        var context = await Chromium.NewContextAsync();
        var page = await SignInAsync(context, $"streetchief-{streetId}", "/chief");
        await WaitForInteractivityAsync(page);
        var queue = page.GetByTestId($"chief-queue-{streetId}");
        await Assertions.Expect(queue).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("scorecard")).ToBeVisibleAsync();
        var bellBefore = int.Parse(await page.GetByTestId("alert-count").TextContentAsync() ?? "0");

        // A burst water main on the street, reported by its chief: it appears in the queue without a reload.
        var chief = await ApiClient.SignInAsync(App, $"streetchief-{streetId}");
        var (lon, lat) = await CityPlaces.OnStreetAsync(streetId, 1);
        var created = await (await chief.ReportAsync(lon, lat, category: "20402", description: "街长工作台测试: 水管破裂")).Content.ReadFromJsonAsync<JsonElement>();
        var caseId = created.GetProperty("id").GetGuid();
        var number = created.GetProperty("number").GetString()!;
        await Assertions.Expect(queue.Locator($"[data-case-number='{number}']")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(caseId, "accept");
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(caseId, "file");
        var dispatched = await (await ApiClient.SignInAsync(App, "dispatcher")).ActOkAsync(caseId, "dispatch", new { department = "water" });
        var deadline = dispatched.GetProperty("clock").GetProperty("deadline").GetDateTimeOffset();

        // The deadline passes: the chief's bell rings on the open page (the overdue alert, and the 督办 the clock raises).
        App.Time.SetUtcNow(deadline.AddSeconds(1));
        await page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=alert-count]').textContent) >= n", bellBefore + 1,
            new PageWaitForFunctionOptions { Timeout = 20_000, PollingInterval = 200 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "chief-bell.png") });
        // The bell's count is the chief's open alerts; among them the overdue one of this case.
        var alerts = (await chief.Http.GetFromJsonAsync<JsonElement>("/api/alerts?mine=true")).EnumerateArray().ToList();
        Assert.Contains(alerts, x => x.GetProperty("kind").GetString() == "overdue" && x.GetProperty("caseId").GetString() == caseId.ToString());

        // Another chief's page does not list the case: their queue is their own street's.
        var other = await SignInAsync(await Chromium.NewContextAsync(), "streetchief-S001", "/chief");
        await WaitForInteractivityAsync(other);
        await Assertions.Expect(other.GetByTestId("chief-page")).ToBeVisibleAsync();
        Assert.Equal(0, await other.Locator($"[data-case-number='{number}']").CountAsync());
    }

    [Fact]
    public async Task The_notice_board_prints_on_a4_with_a_qr_code_that_opens_the_report_form_on_its_street()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var street = await leader.Http.GetFromJsonAsync<JsonElement>("/api/streets/S001");
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1300 } });
        var page = await SignInAsync(context, "leader", "/streets/S001/board");
        var board = page.GetByTestId("notice-board");
        await Assertions.Expect(board.GetByTestId("board-street")).ToHaveTextAsync(street.GetProperty("name").GetString()!);
        await Assertions.Expect(board.GetByTestId("board-chief")).ToHaveTextAsync(street.GetProperty("chief").GetProperty("name").GetString()!);
        await Assertions.Expect(board.GetByTestId("board-phone")).ToHaveTextAsync(street.GetProperty("chief").GetProperty("phone").GetString()!);
        await Assertions.Expect(board.Locator("ol li")).ToHaveCountAsync(10);
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=board-qr]').naturalWidth > 0");

        // The print preview: print media hides the button; the sheet is A4.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("board-print")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "notice-board-print.png"), FullPage = true });
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true, Path = Path.Combine(RepoPaths.Artifacts, "notice-board-S001.pdf") });
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]"));

        // The QR code on the page decodes to the public report form with the street filled in: no account needed.
        var png = await (await context.APIRequest.GetAsync(await page.GetByTestId("board-qr").GetAttributeAsync("src") is { } src ? new Uri(App.ServerAddress, src).ToString() : "")).BodyAsync();
        var url = QrDecoder.Decode(png);
        Assert.Equal(new Uri(App.ServerAddress, "/report?street=S001").ToString(), url);
        var phone = await (await Chromium.NewContextAsync()).NewPageAsync();
        await phone.GotoAsync(url!);
        await Assertions.Expect(phone.GetByTestId("report-street")).ToContainTextAsync(street.GetProperty("name").GetString()!, new() { Timeout = 20_000 });
    }

    private static async Task PostAsync(ApiClient director, Guid id, IEnumerable<object> points)
    {
        var response = await director.Http.PostAsJsonAsync($"/api/patrols/{id}/points", points.ToArray());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dropped").GetInt32());
    }
}
