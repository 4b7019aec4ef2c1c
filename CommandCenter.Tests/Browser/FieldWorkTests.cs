using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Domain.Geography;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>
/// Work in the field as the phone shows it: the road director's patrol mode sending the phone's own GPS fixes, the 十无
/// walk turning a failed item into a case in one tap, and the duty page with the roster and the director's patrol log.
/// </summary>
[Collection(CityCollection.Name)]
public sealed partial class FieldWorkTests(CommandCenterFactory app) : BrowserTest(app)
{
    // 中山东路, walking east from 新街口.
    private const double Lon = 118.7845, Lat = 32.0437;

    [Fact]
    public async Task Patrol_mode_sends_the_phones_positions_and_the_track_grows_until_the_patrol_ends()
    {
        var director = await ApiClient.SignInAsync(App, "roaddirector");
        await EndRunningPatrolsAsync(director);
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 412, Height = 915 }, Permissions = ["geolocation"],
            Geolocation = new Geolocation { Longitude = (float)Lon, Latitude = (float)Lat, Accuracy = 5 },
        });
        var phone = await SignInAsync(context, "roaddirector", "/m");
        await WaitForInteractivityAsync(phone);
        var state = phone.GetByTestId("patrol-state");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "none");
        await phone.GetByTestId("patrol-start").ClickAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "running");

        // The phone walks 40 m east at a time; each fix is buffered and sent within a few seconds.
        var step = Geodesy.DegreesLon(40, Lat);
        for (var i = 1; i <= 3; i++)
        {
            await context.SetGeolocationAsync(new Geolocation { Longitude = (float)(Lon + step * i), Latitude = (float)Lat, Accuracy = 5 });
            await phone.WaitForFunctionAsync("n => +document.querySelector('[data-testid=patrol-state]').dataset.sent >= n", Math.Min(i, 2),
                new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 250 });
        }
        // At least two of the 40 m legs are on the track (the very first fix may predate the start).
        await phone.WaitForFunctionAsync("() => +document.querySelector('[data-testid=patrol-state]').dataset.distance >= 70", null,
            new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 250 });
        await Assertions.Expect(state).ToContainTextAsync(KilometresText());
        var running = await RunningPatrolOfAsync(director);
        Assert.NotNull(running);
        var track = await director.Http.GetFromJsonAsync<JsonElement>($"/api/patrols/{running}");
        Assert.True(track.GetProperty("properties").GetProperty("distanceM").GetDouble() >= 70);
        Assert.True(track.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() >= 3);

        await phone.GetByTestId("patrol-pause").ClickAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "paused");
        await phone.GetByTestId("patrol-end").ClickAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "none");
        Assert.Null(await RunningPatrolOfAsync(director));
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "phone-patrol.png") });
    }

    [Fact]
    public async Task A_chief_walks_the_ten_no_checklist_and_a_failed_item_with_its_photo_becomes_a_case_in_one_tap()
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 412, Height = 915 } });
        var phone = await SignInAsync(context, "streetchief-S002", "/m/checklist");
        await WaitForInteractivityAsync(phone);
        var chief = await ApiClient.SignInAsync(App, "streetchief-S002");
        var streetName = (await chief.Http.GetFromJsonAsync<JsonElement>("/api/streets/S002")).GetProperty("name").GetString()!;
        // The chief's own street is chosen already.
        await Assertions.Expect(phone.GetByTestId("checklist-street")).ToContainTextAsync(streetName);

        var parking = phone.Locator("[data-item=illegal-parking]");
        await parking.GetByText("合格", new() { Exact = true }).ClickAsync();
        var signboard = phone.Locator("[data-item=bad-signboard]");
        await signboard.GetByText("不合格", new() { Exact = true }).ClickAsync();
        await signboard.Locator("input[type=text], textarea").First.FillAsync("十无测试: 店招遮挡窗户");
        await signboard.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "signboard.png", MimeType = "image/png", Buffer = ApiClient.TinyPng });
        await Assertions.Expect(signboard.Locator("img")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await phone.GetByTestId("checklist-submit").ClickAsync();

        var created = phone.GetByTestId("checklist-created").Locator("a");
        await Assertions.Expect(created).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        var number = (await created.TextContentAsync())!.Trim();
        var href = await created.GetAttributeAsync("href");
        var detail = await chief.CaseAsync(Guid.Parse(href!["/cases/".Length..]));
        var c = detail.GetProperty("case");
        Assert.Equal(number, c.GetProperty("number").GetString());
        Assert.Equal("20202", c.GetProperty("category").GetString()); // 无违规牌匾 → 违章张贴悬挂广告牌匾
        Assert.Equal(streetName, detail.GetProperty("streetName").GetString());
        Assert.Contains("店招遮挡窗户", c.GetProperty("description").GetString());
        Assert.Single(detail.GetProperty("timeline")[0].GetProperty("photoIds").EnumerateArray());
        // Done items are reset for the next walk.
        await Assertions.Expect(signboard.Locator("input[type=file]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_duty_page_shows_todays_director_the_years_roster_and_the_directors_patrol_log()
    {
        var director = await ApiClient.SignInAsync(App, "roaddirector");
        await EndRunningPatrolsAsync(director);
        var start = await director.Http.PostAsync("/api/patrols", null);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var t0 = App.Time.GetUtcNow();
        App.Time.Advance(TimeSpan.FromSeconds(95));
        var step = Geodesy.DegreesLon(100, Lat);
        // Three fixes 30 s and 100 m apart: 200 m of track.
        await director.Http.PostAsJsonAsync($"/api/patrols/{id}/points",
            Enumerable.Range(0, 3).Select(i => new { lon = Lon + step * i, lat = Lat, at = t0.AddSeconds(30 * (i + 1)), accuracyM = 5.0 }));
        await director.Http.PostAsync($"/api/patrols/{id}/end", null);
        var today = App.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));

        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var page = await SignInAsync(context, "leader", "/duty");
        await WaitForInteractivityAsync(page);
        await Assertions.Expect(page.GetByTestId("duty-page").GetByTestId("road-director-name")).ToContainTextAsync("黄守仁");
        var roster = page.GetByTestId("roster");
        await Assertions.Expect(roster.Locator("tr[data-month]")).ToHaveCountAsync(12);
        await Assertions.Expect(roster.Locator($"tr[data-month='{today:yyyy-MM}']")).ToContainTextAsync("黄守仁");
        var day = page.GetByTestId("patrol-log").Locator($"tr[data-day='{today:yyyy-MM-dd}']");
        await Assertions.Expect(day).ToBeVisibleAsync(new() { Timeout = 20_000 });
        // Today's distance is at least this patrol's 0.20 km (other patrols of the day add to it).
        var km = double.Parse(Kilometres().Match(await day.Locator("td").Nth(1).TextContentAsync() ?? "").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(km >= 0.19, $"today's patrol distance {km} km");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepoPaths.Artifacts, "duty-page.png") });
    }

    private static Regex KilometresText() => Kilometres();

    [GeneratedRegex(@"([0-9]+\.[0-9]+) km")]
    private static partial Regex Kilometres();

    /// <summary>The director's running patrol, as the centre's live list has it.</summary>
    private async Task<Guid?> RunningPatrolOfAsync(ApiClient director)
    {
        var me = (await director.Http.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("personId").GetString();
        var live = await (await ApiClient.SignInAsync(App, "leader")).Http.GetFromJsonAsync<JsonElement>("/api/patrols/live");
        return live.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .Where(p => p.GetProperty("personId").GetString() == me).Select(p => (Guid?)Guid.Parse(p.GetProperty("id").GetString()!)).FirstOrDefault();
    }

    private async Task EndRunningPatrolsAsync(ApiClient director)
    {
        while (await RunningPatrolOfAsync(director) is { } id)
        {
            await director.Http.PostAsync($"/api/patrols/{id}/end", null);
        }
    }
}
