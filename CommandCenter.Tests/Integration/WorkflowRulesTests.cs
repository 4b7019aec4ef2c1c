using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>The rules domain.md states, end to end: the real calendar, voiding by request and approval, the extension limit, category correction.</summary>
[Collection(CityCollection.Name)]
public sealed class WorkflowRulesTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task The_2026_holidays_are_seeded_and_an_admin_imports_the_next_year_refusing_malformed_files_line_by_line()
    {
        var admin = await ApiClient.SignInAsync(App, "admin");
        var calendar = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/calendar");
        Assert.Contains(calendar.EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-02-17" && d.GetProperty("kind").GetString() == "holiday");
        Assert.Contains(calendar.EnumerateArray(), d => d.GetProperty("date").GetString() == "2026-02-28" && d.GetProperty("kind").GetString() == "workday");

        var bad = await admin.Http.PostAsync("/api/admin/calendar/import",
            new StringContent("date,kind,name\n2027-01-01,holiday,元旦\n2027-13-01,holiday,不存在\n2027-02-03,party,聚会\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("lines[2].date", out _));
        Assert.True(errors.TryGetProperty("lines[3].kind", out _));
        Assert.DoesNotContain((await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/calendar")).EnumerateArray(), d => d.GetProperty("date").GetString()!.StartsWith("2027", StringComparison.Ordinal));

        var good = await admin.Http.PostAsync("/api/admin/calendar/import",
            new StringContent("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,workday,春节调休上班\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(2, (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days").GetInt32());
        var after = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/calendar");
        Assert.Contains(after.EnumerateArray(), d => d.GetProperty("date").GetString() == "2027-02-06" && d.GetProperty("kind").GetString() == "workday");

        // Working hours: a bad window is refused and nothing changes; a good one is used by the next clock.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.Http.PutAsJsonAsync("/api/admin/working-hours", new[] { "08:30-12:00", "11:00-17:30" })).StatusCode);
        Assert.Equal(["08:30-12:00", "14:00-17:30"], (await admin.Http.GetFromJsonAsync<string[]>("/api/admin/working-hours"))!);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiClient.SignInAsync(App, "dispatcher")).Http.PostAsync("/api/admin/calendar/import", new StringContent("date,kind,name\n"))).StatusCode);
    }

    [Fact]
    public async Task Voiding_is_asked_by_a_desk_and_decided_by_the_shift_leader()
    {
        var id = await FiledCaseAsync("gridmember-61");
        var intake = await ApiClient.SignInAsync(App, "intake");
        var shiftLead = await ApiClient.SignInAsync(App, "shiftlead");
        Assert.Equal(HttpStatusCode.Conflict, (await shiftLead.ActAsync(id, "approve-void")).StatusCode); // nothing asked yet
        Assert.Equal(HttpStatusCode.NotFound, (await shiftLead.ActAsync(id, "void", new { note = "x" })).StatusCode); // no direct void any more
        var asked = await intake.ActOkAsync(id, "request-void", new { note = "同一问题重复立案" });
        Assert.Equal("同一问题重复立案", asked.GetProperty("pendingVoid").GetString());
        Assert.Contains("void-requested", asked.GetProperty("case").GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        var queue = await shiftLead.Http.GetFromJsonAsync<JsonElement>("/api/cases?pending=void");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var voided = await shiftLead.ActOkAsync(id, "approve-void");
        Assert.Equal("voided", voided.GetProperty("case").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Past_two_extensions_only_a_leader_decides_and_the_desk_queues_show_the_request()
    {
        var id = await FiledCaseAsync("gridmember-62");
        var dispatcher = await ApiClient.SignInAsync(App, "dispatcher");
        var handler = await ApiClient.SignInAsync(App, "handler");
        await dispatcher.ActOkAsync(id, "dispatch", new { department = "sanitation" });
        for (var i = 0; i < 2; i++)
        {
            await handler.ActOkAsync(id, "request-extension", new { note = "需协调", extension = 1 });
            await dispatcher.ActOkAsync(id, "approve-extension");
        }
        await handler.ActOkAsync(id, "request-extension", new { note = "第三次申请", extension = 1 });
        var queue = await dispatcher.Http.GetFromJsonAsync<JsonElement>("/api/cases?pending=extension");
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var refused = await dispatcher.ActAsync(id, "approve-extension");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("ExtensionNeedsLeader", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var approved = await (await ApiClient.SignInAsync(App, "leader")).ActOkAsync(id, "approve-extension");
        Assert.Equal(3, approved.GetProperty("extensionCount").GetInt32());
    }

    [Fact]
    public async Task The_shift_leader_corrects_the_category_when_filing_and_the_handling_limit_follows_it()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-63");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var id = (await (await member.ReportAsync(lon, lat, category: "20102")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(id, "accept");
        var filed = await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "file", new { category = "20108", note = "实为废弃家具" });
        Assert.Equal("20108", filed.GetProperty("case").GetProperty("category").GetString());
        var dispatched = await (await ApiClient.SignInAsync(App, "dispatcher")).ActOkAsync(id, "dispatch", new { department = "sanitation" });
        var categories = await member.Http.GetFromJsonAsync<JsonElement>("/api/categories");
        var furniture = categories.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "20108").GetProperty("limit");
        Assert.Equal(furniture.GetProperty("value").GetDouble(), dispatched.GetProperty("clock").GetProperty("limit").GetDouble());
        Assert.Equal(furniture.GetProperty("unit").GetString(), dispatched.GetProperty("clock").GetProperty("unit").GetString());
        // The audit trail shows the category before and after the correction.
        var timeline = dispatched.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["20102", "20102", "20108", "20108"], timeline.Select(e => e.GetProperty("category").GetString()));
        Assert.Equal("实为废弃家具", timeline[2].GetProperty("note").GetString());
        var bad = await (await ApiClient.SignInAsync(App, "shiftlead")).ActAsync(id, "file", new { category = "99999" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<Guid> FiledCaseAsync(string memberName)
    {
        var member = await ApiClient.SignInAsync(App, memberName);
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var id = (await (await member.ReportAsync(lon, lat, category: "20102")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(id, "accept");
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "file");
        return id;
    }
}
