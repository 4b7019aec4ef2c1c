using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>12319/12345 calls at the operators' desk: nature and caller on record, the phone masked in lists, the duplicate hint before saving, and attaching a call to the case it is about.</summary>
[Collection(CityCollection.Name)]
public sealed class HotlineIntakeTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task A_call_about_a_case_already_open_is_shown_as_a_likely_duplicate_and_attached_to_it_in_one_step()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-60");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var first = await (await member.ReportAsync(lon, lat, category: "20102", description: "路边垃圾")).Content.ReadFromJsonAsync<JsonElement>();
        var masterId = first.GetProperty("id").GetGuid();
        var intake = await ApiClient.SignInAsync(App, "intake");

        // Before saving: the hint lists the open case 暴露垃圾 a few metres away.
        var hints = await intake.Http.GetFromJsonAsync<JsonElement>(FormattableString.Invariant($"/api/hotline/duplicates?category=20102&lon={lon + 0.0001}&lat={lat}"));
        var hint = Assert.Single(hints.EnumerateArray());
        Assert.Equal(masterId, hint.GetProperty("id").GetGuid());
        Assert.InRange(hint.GetProperty("distanceM").GetDouble(), 5, 15); // 0.0001° of longitude at 32° N ≈ 9.4 m
        Assert.Empty((await intake.Http.GetFromJsonAsync<JsonElement>(FormattableString.Invariant($"/api/hotline/duplicates?category=20201&lon={lon}&lat={lat}"))).EnumerateArray());

        // The operator attaches the call: registered (the caller is on record) and merged into the open case.
        var call = await intake.Http.PostAsJsonAsync("/api/hotline/calls", new
        {
            source = "12345", phone = "13955556666", name = "钱七", nature = "complaint", category = "20102",
            lon = lon + 0.0001, lat, description = "来电反映路边垃圾多日未清", attachTo = masterId,
        });
        Assert.True(call.StatusCode == HttpStatusCode.Created, await call.Content.ReadAsStringAsync());
        var registered = await call.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("merged", registered.GetProperty("status").GetString());
        Assert.True(registered.GetProperty("merged").GetBoolean());
        Assert.Equal(masterId, registered.GetProperty("masterCaseId").GetGuid());
        var detail = await intake.CaseAsync(registered.GetProperty("id").GetGuid());
        Assert.Equal(["report", "merge"], detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("12345", detail.GetProperty("case").GetProperty("source").GetString());

        // The list masks the caller; the case itself shows the full number to the desk.
        var recent = (await intake.Http.GetFromJsonAsync<JsonElement>("/api/hotline/calls")).EnumerateArray()
            .Single(c => c.GetProperty("number").GetString() == registered.GetProperty("number").GetString());
        Assert.Equal("139****6666", recent.GetProperty("maskedPhone").GetString());
        Assert.Equal("complaint", recent.GetProperty("nature").GetString());
        Assert.Equal(first.GetProperty("number").GetString(), recent.GetProperty("masterNumber").GetString());
        Assert.DoesNotContain("13955556666", await intake.Http.GetStringAsync("/api/hotline/calls"));
        var reporter = await intake.Http.GetFromJsonAsync<JsonElement>($"/api/cases/{registered.GetProperty("id").GetGuid()}/reporter");
        Assert.Equal("13955556666", reporter.GetProperty("phone").GetString());
        Assert.Equal("钱七", reporter.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_call_placed_by_street_is_registered_in_intake_and_goes_to_verification_and_a_call_needs_phone_nature_and_source()
    {
        var intake = await ApiClient.SignInAsync(App, "intake");
        var call = await intake.Http.PostAsJsonAsync("/api/hotline/calls", new
        {
            source = "12319", phone = "025-84001234", nature = "request", category = "20201", streetId = "S002", description = "三元巷墙上小广告",
        });
        Assert.Equal(HttpStatusCode.Created, call.StatusCode);
        var id = (await call.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var detail = await intake.CaseAsync(id);
        Assert.Equal("三元巷", detail.GetProperty("case").GetProperty("address").GetString());
        Assert.Equal("verifying", (await intake.ActOkAsync(id, "accept")).GetProperty("case").GetProperty("status").GetString());

        var refused = await intake.Http.PostAsJsonAsync("/api/hotline/calls", new { source = "patrol", category = "20201", streetId = "S002", description = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var fields = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("phone", fields);
        Assert.Contains("source", fields);
        var noNature = await intake.Http.PostAsJsonAsync("/api/hotline/calls", new { source = "12319", phone = "13800000000", category = "20201", streetId = "S002", description = "x" });
        Assert.True((await noNature.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("nature", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiClient.SignInAsync(App, "dispatcher")).Http.PostAsJsonAsync("/api/hotline/calls", new { })).StatusCode);
    }
}
