using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Domain.Geography;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>
/// Issue 9 as people use it: a leader keeps a zone's vendor register (phones masked), a shop's 五星商户 history grows by a new
/// rating, kiosk staff on the phone check in and turn a complaint into a case, and a vending case shows its 首违免罚 decision.
/// </summary>
[Collection(CityCollection.Name)]
public sealed partial class VendorRegistryTests(CommandCenterFactory app) : BrowserTest(app)
{
    [Fact]
    public async Task A_leader_sees_a_zones_vendors_with_masked_phones_and_registers_a_new_one_after_a_refusal_beside_the_fields()
    {
        var api = await ApiClient.SignInAsync(App, "leader");
        var (zoneId, count) = await ZoneWithVendorsAsync(api);

        var page = await SignInAsync(await Chromium.NewContextAsync(), "leader", $"/zones/{zoneId}/vendors");
        await WaitForInteractivityAsync(page);
        await Assertions.Expect(page.GetByTestId("vendor-row")).ToHaveCountAsync(count);
        // Seeded numbers are mobiles: 11 digits, shown as 139****5678.
        foreach (var phone in await page.GetByTestId("vendor-phone").AllTextContentsAsync())
        {
            Assert.Matches(MaskedMobile(), phone.Trim());
        }

        // No name and a phone that is no number: both refused beside their fields, nothing saved.
        await page.GetByTestId("vendor-stall").FillAsync("T1");
        await page.GetByTestId("vendor-phone-input").FillAsync("abc");
        await page.GetByTestId("vendor-goods").FillAsync("水果");
        await page.GetByTestId("vendor-licence").FillAsync("临摊TEST-01");
        await page.GetByTestId("vendor-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-name")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("error-phone")).ToBeVisibleAsync();
        Assert.Equal(count, (await api.Http.GetFromJsonAsync<JsonElement>($"/api/zones/{zoneId}/vendors")).GetArrayLength());

        await page.GetByTestId("vendor-name").FillAsync("测试摊主");
        await page.GetByTestId("vendor-phone-input").FillAsync("13912345678");
        await page.GetByTestId("vendor-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("vendor-row")).ToHaveCountAsync(count + 1);
        var added = page.GetByTestId("vendor-row").Filter(new() { HasText = "测试摊主" });
        await Assertions.Expect(added).ToContainTextAsync("139****5678");
        await Assertions.Expect(added).ToContainTextAsync("临摊TEST-01");
        await Assertions.Expect(page.GetByTestId("error-name")).ToHaveCountAsync(0);

        var vendors = await api.Http.GetFromJsonAsync<JsonElement>($"/api/zones/{zoneId}/vendors");
        Assert.Contains(vendors.EnumerateArray(), v => v.GetProperty("name").GetString() == "测试摊主" && v.GetProperty("stallNumber").GetString() == "T1");
    }

    [Fact]
    public async Task A_shops_star_history_shows_on_the_street_merchants_page_and_a_new_rating_joins_it()
    {
        // S080's first merchant: two seeded ratings (April and October 2026).
        var api = await ApiClient.SignInAsync(App, "leader");
        var merchants = await api.Http.GetFromJsonAsync<JsonElement>("/api/streets/S080/merchants");
        var merchant = merchants[0];
        var id = merchant.GetProperty("id").GetString()!;
        var shop = merchant.GetProperty("shopName").GetString()!;
        var before = (await api.Http.GetFromJsonAsync<JsonElement>($"/api/merchants/{id}")).GetProperty("ratings").GetArrayLength();
        Assert.Equal(2, before);

        var page = await SignInAsync(await Chromium.NewContextAsync(), "leader", "/streets/S080/merchants");
        await WaitForInteractivityAsync(page);
        await Assertions.Expect(page.GetByTestId("merchant-row")).ToHaveCountAsync(merchants.GetArrayLength());
        await page.Locator($"[data-merchant={id}]").ClickAsync();
        await Assertions.Expect(page.GetByTestId("merchant-detail")).ToContainTextAsync(shop);
        await Assertions.Expect(page.GetByTestId("rating-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("rating-history")).ToContainTextAsync("2026-10-15");
        await Assertions.Expect(page.GetByTestId("rating-history")).ToContainTextAsync("2026-04-15");

        var today = DateOnly.FromDateTime(App.Services.GetRequiredService<CityClock>().LocalNow).ToString("yyyy-MM-dd");
        await page.GetByTestId("rate-stars").SelectOptionAsync("5");
        await page.GetByTestId("rate-note").FillAsync("年终复评");
        await page.GetByTestId("rate-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rating-row")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("rating-row").First).ToContainTextAsync(today);
        await Assertions.Expect(page.GetByTestId("rating-row").First).ToContainTextAsync("★★★★★");
        await Assertions.Expect(page.GetByTestId("rating-row").First).ToContainTextAsync("年终复评");
        await Assertions.Expect(page.Locator($"[data-merchant={id}]").GetByTestId("merchant-stars")).ToHaveTextAsync("★★★★★");

        var after = await api.Http.GetFromJsonAsync<JsonElement>($"/api/merchants/{id}");
        Assert.Equal(5, after.GetProperty("merchant").GetProperty("stars").GetInt32());
        Assert.Equal(3, after.GetProperty("ratings").GetArrayLength());
    }

    [Fact]
    public async Task Kiosk_staff_check_in_on_the_phone_and_a_complaint_logged_with_create_case_shows_its_case_number()
    {
        // gridmember-7 and the city's last kiosk are used by no other test.
        var staff = await ApiClient.SignInAsync(App, "gridmember-7");
        var kiosks = await staff.Http.GetFromJsonAsync<JsonElement>("/api/kiosks");
        var kiosk = kiosks[kiosks.GetArrayLength() - 1];
        var kioskId = kiosk.GetProperty("id").GetString()!;
        try
        {
            var page = await SignInAsync(await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 412, Height = 915 } }),
                "gridmember-7", "/m");
            await WaitForInteractivityAsync(page);
            await page.GetByTestId("phone-kiosk").ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/m/kiosk", StringComparison.Ordinal));
            await WaitForInteractivityAsync(page);
            await page.GetByTestId("kiosk-pick").SelectOptionAsync(kioskId);
            await page.GetByTestId("kiosk-check-in").ClickAsync();
            await Assertions.Expect(page.GetByTestId("kiosk-on-duty")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("kiosk-duty")).ToContainTextAsync((await staff.MeAsync()).GetProperty("displayName").GetString()!);
            await Assertions.Expect(page.Locator("[data-supply]")).ToHaveCountAsync(kiosk.GetProperty("supplies").GetArrayLength());

            await page.GetByTestId("log-kind").SelectOptionAsync("complaint");
            await page.GetByTestId("log-note").FillAsync("市民投诉：驿站旁商铺占道堆物");
            await page.GetByTestId("log-create-case").CheckAsync();
            await page.GetByTestId("log-submit").ClickAsync();
            var number = page.GetByTestId("log-case-number");
            await Assertions.Expect(number).ToHaveTextAsync(CaseNumber());
            var shown = (await number.TextContentAsync())!.Trim();

            var log = (await staff.Http.GetFromJsonAsync<JsonElement>($"/api/kiosks/{kioskId}")).GetProperty("log");
            Assert.Equal(shown, log[0].GetProperty("caseNumber").GetString());
            // The case lies outside the grid member's duty grid, so a city-wide reader confirms its source.
            var created = await (await ApiClient.SignInAsync(App, "leader")).CaseAsync(log[0].GetProperty("caseId").GetGuid());
            Assert.Equal("kiosk", created.GetProperty("case").GetProperty("source").GetString());
            await Assertions.Expect(page.GetByTestId("kiosk-log-row").First).ToContainTextAsync(shown);

            await page.GetByTestId("kiosk-check-out").ClickAsync();
            await Assertions.Expect(page.GetByTestId("kiosk-check-in")).ToBeVisibleAsync();
        }
        finally
        {
            await staff.Http.PostAsync("/api/kiosks/check-out", null);
        }
    }

    [Fact]
    public async Task A_vending_cases_page_shows_the_first_offence_warning_and_the_repeat_the_penalty_with_the_history()
    {
        var intake = await ApiClient.SignInAsync(App, "intake");
        var (lon, lat) = await StreetOrder.FreeSpotAsync(14);
        var first = await ReportAsync(intake, lon, lat, new { merchantId = "M0011" });
        var page = await SignInAsync(await Chromium.NewContextAsync(), "leader", $"/cases/{first.GetProperty("id").GetGuid()}");
        await WaitForInteractivityAsync(page);
        await Assertions.Expect(page.GetByTestId("case-intake")).ToContainTextAsync("摊贩/商户记录");
        await Assertions.Expect(page.GetByTestId("intake-zone-verdict")).ToContainTextAsync("区域外");
        await Assertions.Expect(page.GetByTestId("intake-party")).ToContainTextAsync("沿街商户 M0011");
        await Assertions.Expect(page.GetByTestId("intake-leniency")).ToContainTextAsync("首违免罚：书面警告，限期改正");
        var due = App.Services.GetRequiredService<CityClock>().ToLocal(first.GetProperty("leniency").GetProperty("correctionDeadline").GetDateTimeOffset());
        await Assertions.Expect(page.GetByTestId("intake-correction-deadline")).ToContainTextAsync(due.ToString("yyyy-MM-dd HH:mm"));
        await Assertions.Expect(page.GetByTestId("intake-history-row")).ToHaveCountAsync(1);

        App.Time.Advance(TimeSpan.FromMinutes(20));
        var second = await ReportAsync(intake, lon, lat, new { merchantId = "M0011" });
        await page.GotoAsync(new Uri(App.ServerAddress, $"/cases/{second.GetProperty("id").GetGuid()}").ToString());
        await Assertions.Expect(page.GetByTestId("intake-leniency")).ToContainTextAsync("再次违法：依法处罚");
        await Assertions.Expect(page.GetByTestId("intake-repeat-of")).ToContainTextAsync(first.GetProperty("number").GetString()!);
        await Assertions.Expect(page.GetByTestId("intake-history-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("intake-history-row").First).ToContainTextAsync("再次违法");

        // A case intake did not check has no such section.
        var garbage = await intake.ReportAsync(lon, lat);
        var plain = (await garbage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await page.GotoAsync(new Uri(App.ServerAddress, $"/cases/{plain}").ToString());
        await Assertions.Expect(page.GetByTestId("case-number")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("case-intake")).ToHaveCountAsync(0);
    }

    /// <summary>A vending zone with registered vendors (the city's last, which no other test edits) and how many.</summary>
    private static async Task<(string ZoneId, int Count)> ZoneWithVendorsAsync(ApiClient api)
    {
        var zones = await api.Http.GetFromJsonAsync<JsonElement>("/api/zones");
        foreach (var id in zones.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("id").GetString()!).Reverse())
        {
            var vendors = await api.Http.GetFromJsonAsync<JsonElement>($"/api/zones/{id}/vendors");
            if (vendors.GetArrayLength() > 0)
            {
                return (id, vendors.GetArrayLength());
            }
        }
        throw new InvalidOperationException("no zone has registered vendors");
    }

    /// <summary>Reports 20504 (店外经营) at the point naming the party; the created case with its intake findings.</summary>
    private static async Task<JsonElement> ReportAsync(ApiClient client, double lon, double lat, object party)
    {
        var body = new Dictionary<string, object?> { ["lon"] = lon, ["lat"] = lat, ["category"] = "20504", ["description"] = "测试：店外经营" };
        foreach (var p in party.GetType().GetProperties())
        {
            body[p.Name] = p.GetValue(party);
        }
        var response = await client.Http.PostAsJsonAsync("/api/cases", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"report 20504: {(int)response.StatusCode} {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }

    [GeneratedRegex(@"^\d{3}\*{4}\d{4}$")]
    private static partial Regex MaskedMobile();

    [GeneratedRegex(@"^\s*\d{12}\s*$")]
    private static partial Regex CaseNumber();
}
