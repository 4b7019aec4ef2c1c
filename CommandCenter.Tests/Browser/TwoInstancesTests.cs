using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.Playwright;

namespace CommandCenter.Tests.Browser;

/// <summary>
/// The database is the change bus: a second instance on the same database hears every write of the first — on its
/// hub, on its open pages — and runs on the rules edited through the first, without a restart.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class TwoInstancesTests(CommandCenterFactory app) : BrowserTest(app)
{
    [Fact]
    public async Task A_write_on_one_instance_reaches_a_page_and_a_hub_client_of_the_other_and_a_limit_edited_on_one_is_used_by_the_other()
    {
        App.StartServer();
        await using var other = new AppProcess();
        await other.StartAsync();

        // A hub client and a desk page on the other instance.
        var watcher = await ApiClient.SignInAsync(other.Address, "leader");
        var received = new ConcurrentQueue<JsonElement>();
        await using var hub = watcher.Hub(other.Address, received);
        await hub.StartJoinedAsync();
        var context = await Chromium.NewContextAsync();
        var desk = await SignInAsync(context, "intake", "/desk/intake", other.Address);
        await WaitForInteractivityAsync(desk);

        // A grid member reports through the first instance.
        var member = await ApiClient.SignInAsync(App, "gridmember-31");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var created = await (await member.ReportAsync(lon, lat, category: "20102", description: "两个实例: 暴露垃圾")).Content.ReadFromJsonAsync<JsonElement>();
        var number = created.GetProperty("number").GetString()!;

        await Eventually.HoldsAsync(() => Task.FromResult(received.ToList()),
            l => l.Any(m => m.GetProperty("number").GetString() == number && m.GetProperty("action").GetString() == "report"), "the report on the other instance's hub");
        await Assertions.Expect(desk.GetByTestId("queue-reported").Locator($"[data-case-number='{number}']")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // The admin shortens the intake step through the first instance; the other one uses it for its next case.
        var admin = await ApiClient.SignInAsync(App, "admin");
        var before = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/step-limits");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync("/api/admin/step-limits",
            new Dictionary<string, object> { ["accept"] = new { value = 0.1, unit = "naturalHours" } })).StatusCode);
        try
        {
            var clerk = await ApiClient.SignInAsync(other.Address, "intake");
            var deadlines = await Eventually.HoldsAsync(async () =>
            {
                var response = await clerk.Http.PostAsJsonAsync("/api/cases", new { lon, lat, category = "20102", description = "电话反映: 暴露垃圾", source = "12319" });
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                var id = body.GetProperty("id").GetGuid();
                var clock = (await clerk.CaseAsync(id)).GetProperty("clock");
                return (Limit: clock.GetProperty("limit").GetDouble(), Unit: clock.GetProperty("unit").GetString());
            }, x => x.Limit == 0.1, "the edited limit on the other instance");
            Assert.Equal("naturalHours", deadlines.Unit);
        }
        finally
        {
            var accept = before.GetProperty("accept");
            await admin.Http.PutAsJsonAsync("/api/admin/step-limits", new Dictionary<string, object>
            {
                ["accept"] = new { value = accept.GetProperty("value").GetDouble(), unit = accept.GetProperty("unit").GetString() },
            });
        }
    }
}
