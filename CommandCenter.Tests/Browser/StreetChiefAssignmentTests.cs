using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>A leader reassigns a street's chief on the street's page: the history keeps the old chief and shows the new one.</summary>
[Collection(CityCollection.Name)]
public sealed class StreetChiefAssignmentTests(CommandCenterFactory app) : BrowserTest(app)
{
    [Fact]
    public async Task A_leader_assigns_a_new_chief_from_a_date_and_the_page_shows_the_history_with_both()
    {
        // S090 is used by no other test; P0119 is another street's chief, taking this one on from the day after tomorrow.
        var api = await ApiClient.SignInAsync(App, "leader");
        var before = await api.Http.GetFromJsonAsync<JsonElement>("/api/streets/S090/chiefs");
        var rowsBefore = before.GetArrayLength();
        var previous = before[rowsBefore - 1].GetProperty("name").GetString()!;

        var page = await SignInAsync(await Chromium.NewContextAsync(), "leader", "/streets/S090/chiefs");
        await WaitForInteractivityAsync(page);
        await Assertions.Expect(page.GetByTestId("chief-history-row")).ToHaveCountAsync(rowsBefore);
        await Assertions.Expect(page.GetByTestId("chief-history")).ToContainTextAsync(previous);

        // A date in the past is refused beside the field, and nothing is saved.
        await page.GetByTestId("assign-person").SelectOptionAsync("P0119");
        await page.GetByTestId("assign-from").FillAsync("2020-01-01");
        await page.GetByTestId("assign-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("assign-from-error")).ToBeVisibleAsync();
        Assert.Equal(rowsBefore, (await api.Http.GetFromJsonAsync<JsonElement>("/api/streets/S090/chiefs")).GetArrayLength());

        var from = DateOnly.FromDateTime(App.Services.GetRequiredService<CommandCenter.Domain.Geography.CityClock>().LocalNow).AddDays(2).ToString("yyyy-MM-dd");
        await page.GetByTestId("assign-from").FillAsync(from);
        await page.GetByTestId("assign-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("chief-history-row")).ToHaveCountAsync(rowsBefore + 1);
        await Assertions.Expect(page.GetByTestId("chief-history-row").First).ToContainTextAsync(from);
        await Assertions.Expect(page.GetByTestId("chief-history-row").First).ToContainTextAsync("梁婉清");
        await Assertions.Expect(page.GetByTestId("chief-history")).ToContainTextAsync(previous);

        var after = await api.Http.GetFromJsonAsync<JsonElement>("/api/streets/S090/chiefs");
        Assert.Equal("P0119", after[after.GetArrayLength() - 1].GetProperty("personId").GetString());
    }
}
