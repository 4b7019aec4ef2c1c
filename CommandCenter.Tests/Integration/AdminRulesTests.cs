using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>An admin edits the limits and the calendar; the next clocks follow, and nobody else may edit them.</summary>
[Collection(CityCollection.Name)]
public sealed class AdminRulesTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task A_changed_category_limit_sets_the_next_dispatch_deadline()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var changed = await admin.Http.PutAsJsonAsync("/api/admin/categories/20108/limit", new { value = 24, unit = "naturalHours" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var categories = await admin.Http.GetFromJsonAsync<JsonElement>("/api/categories");
        var furniture = categories.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "20108");
        Assert.Equal(24, furniture.GetProperty("limit").GetProperty("value").GetDouble());
        Assert.False(furniture.GetProperty("sample").GetBoolean());

        var member = await ApiClient.SignInAsync(App, "gridmember-14");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var id = (await (await member.ReportAsync(lon, lat, category: "20108", description: "废弃沙发堆在路边")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(id, "accept");
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "file");
        var dispatched = await (await ApiClient.SignInAsync(App, "dispatcher")).ActOkAsync(id, "dispatch", new { department = "sanitation" });
        var clock = dispatched.GetProperty("clock");
        Assert.Equal("naturalHours", clock.GetProperty("unit").GetString());
        Assert.Equal(24, clock.GetProperty("limit").GetDouble());
        var started = clock.GetProperty("startedAt").GetDateTimeOffset();
        Assert.Equal(started.AddHours(24), clock.GetProperty("deadline").GetDateTimeOffset());
    }

    [Fact]
    public async Task Step_limits_and_holidays_are_admin_edits_refused_to_others_and_checked_for_bad_input()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var steps = await admin.Http.PutAsJsonAsync("/api/admin/step-limits", new Dictionary<string, object> { ["close"] = new { value = 1, unit = "workingHours" } });
        Assert.Equal(HttpStatusCode.OK, steps.StatusCode);
        Assert.Equal("workingHours", (await steps.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("close").GetProperty("unit").GetString());

        // Back to the design default (30 natural minutes), so other stories see the seeded rules.
        await admin.Http.PutAsJsonAsync("/api/admin/step-limits", new Dictionary<string, object> { ["close"] = new { value = 0.5, unit = "naturalHours" } });

        var bad = await admin.Http.PutAsJsonAsync("/api/admin/step-limits", new Dictionary<string, object> { ["close"] = new { value = -1, unit = "fortnights" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badErrors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(badErrors.TryGetProperty("close.unit", out _));
        Assert.Equal(0.5, (await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/step-limits")).GetProperty("close").GetProperty("value").GetDouble()); // nothing saved

        var holiday = await admin.Http.PutAsJsonAsync("/api/admin/calendar", new { date = "2026-12-31", kind = "holiday", name = "示例假日" });
        Assert.Equal(HttpStatusCode.OK, holiday.StatusCode);
        var calendar = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/calendar");
        Assert.Contains(calendar.EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-12-31" && d.GetProperty("kind").GetString() == "holiday");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.PutAsJsonAsync("/api/admin/calendar", new { date = "2026-12-31", kind = "party" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync("/api/admin/calendar/2026-12-31")).StatusCode);

        var dispatcher = await ApiClient.SignInAsync(App, "dispatcher");
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.Http.PutAsJsonAsync("/api/admin/categories/20102/limit", new { value = 1, unit = "workingHours" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.Http.GetAsync("/api/admin/step-limits")).StatusCode);
    }
}
