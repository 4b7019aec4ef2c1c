using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>Whole case stories through the API against the real database, with the audit trail checked step by step.</summary>
[Collection(CityCollection.Name)]
public sealed class CaseStoryTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task A_grid_members_report_is_returned_redispatched_reworked_and_closed_with_a_full_audit_trail()
    {
        var gridMember = await ApiClient.SignInAsync(App, "gridmember");
        var intake = await ApiClient.SignInAsync(App, "intake");
        var shiftLead = await ApiClient.SignInAsync(App, "shiftlead");
        var dispatcher = await ApiClient.SignInAsync(App, "dispatcher");
        var waterHandler = await ApiClient.SignInAsync(App, "handler-water");
        var sanitationHandler = await ApiClient.SignInAsync(App, "handler");

        var dutyGrid = (await gridMember.MeAsync()).GetProperty("dutyGridCode").GetString()!;
        var (lon, lat) = await ApiClient.PointInDutyGridAsync(dutyGrid);
        var photo = await gridMember.UploadPhotoAsync();
        var created = await gridMember.ReportAsync(lon, lat, photos: [photo]);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/cases/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("reported", body.GetProperty("status").GetString());
        Assert.Equal(dutyGrid, body.GetProperty("dutyGrid").GetString());
        Assert.Matches("^[0-9]{15}$", body.GetProperty("gridCode").GetString());
        Assert.Matches("^[0-9]{12}$", body.GetProperty("number").GetString());
        Assert.Equal("sanitation", body.GetProperty("department").GetString()); // 暴露垃圾 → 市容环卫 by default
        // The intake clock: 10 natural minutes from the report, on the app's own (fake) clock.
        Assert.Equal(App.Time.GetUtcNow().AddMinutes(10), body.GetProperty("deadline").GetDateTimeOffset());

        await intake.ActOkAsync(id, "accept");
        await shiftLead.ActOkAsync(id, "file");
        var dispatched = await dispatcher.ActOkAsync(id, "dispatch", new { department = "water", note = "疑似供水管网问题" });
        Assert.Equal("handle", dispatched.GetProperty("clock").GetProperty("step").GetString());
        Assert.Equal("workingHours", dispatched.GetProperty("clock").GetProperty("unit").GetString());
        Assert.Equal(4, dispatched.GetProperty("clock").GetProperty("limit").GetDouble());

        // The wrong department returns it; the dispatcher re-dispatches to 市容环卫.
        // The department the case left no longer sees it, so it cannot act on it either.
        Assert.Equal(HttpStatusCode.NotFound, (await sanitationHandler.ActAsync(id, "return", new { note = "不是我们的" })).StatusCode);
        await waterHandler.ActOkAsync(id, "return", new { note = "非供水问题, 属环卫" });
        var redispatched = await dispatcher.ActOkAsync(id, "approve-return", new { department = "sanitation", note = "改派市容环卫" });
        Assert.Equal(2, redispatched.GetProperty("dispatchCount").GetInt32());
        Assert.DoesNotContain("handle", redispatched.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));

        var after1 = await sanitationHandler.UploadPhotoAsync();
        await sanitationHandler.ActOkAsync(id, "handle", new { note = "已清理", photoIds = new[] { after1 } });
        await intake.ActOkAsync(id, "send-check");
        var rework = await gridMember.ActOkAsync(id, "check-fail", new { note = "仍有残留垃圾" });
        Assert.Equal("dispatched", rework.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(1, rework.GetProperty("reworkCount").GetInt32());

        var after2 = await sanitationHandler.UploadPhotoAsync();
        await sanitationHandler.ActOkAsync(id, "handle", new { note = "已彻底清理", photoIds = new[] { after2 } });
        await intake.ActOkAsync(id, "send-check");
        var checkPhoto = await gridMember.UploadPhotoAsync();
        await gridMember.ActOkAsync(id, "check-pass", new { photoIds = new[] { checkPhoto } });
        var closed = await shiftLead.ActOkAsync(id, "close", new { resolution = "service" });

        Assert.Equal("closed", closed.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("clock").ValueKind);
        Assert.Empty(closed.GetProperty("allowedActions").EnumerateArray());
        var timeline = closed.GetProperty("timeline").EnumerateArray().ToList();
        var expected = new (string Action, string? From, string To, string Actor, string Role)[]
        {
            ("report", null, "reported", "gridmember", "gridmember"),
            ("accept", "reported", "pending-filing", "intake", "intake"),
            ("file", "pending-filing", "filed", "shiftlead", "shiftlead"),
            ("dispatch", "filed", "dispatched", "dispatcher", "dispatcher"),
            ("return", "dispatched", "returned", "handler-water", "handler"),
            ("approve-return", "returned", "dispatched", "dispatcher", "dispatcher"),
            ("handle", "dispatched", "handled", "handler", "handler"),
            ("send-check", "handled", "checking", "intake", "intake"),
            ("check-fail", "checking", "dispatched", "gridmember", "gridmember"),
            ("handle", "dispatched", "handled", "handler", "handler"),
            ("send-check", "handled", "checking", "intake", "intake"),
            ("check-pass", "checking", "pending-close", "gridmember", "gridmember"),
            ("close", "pending-close", "closed", "shiftlead", "shiftlead"),
        };
        Assert.Equal(expected.Length, timeline.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var line = timeline[i];
            Assert.Equal(expected[i].Action, line.GetProperty("action").GetString());
            Assert.Equal(expected[i].From, line.GetProperty("from").GetString());
            Assert.Equal(expected[i].To, line.GetProperty("to").GetString());
            Assert.Equal(expected[i].Actor, line.GetProperty("actor").GetString());
            Assert.Equal(expected[i].Role, line.GetProperty("actorRole").GetString());
            if (i > 0)
            {
                Assert.True(line.GetProperty("seq").GetInt64() > timeline[i - 1].GetProperty("seq").GetInt64());
                Assert.True(line.GetProperty("at").GetDateTimeOffset() >= timeline[i - 1].GetProperty("at").GetDateTimeOffset());
            }
        }
        Assert.Equal("非供水问题, 属环卫", timeline[4].GetProperty("note").GetString());
        Assert.Equal("water", timeline[4].GetProperty("department").GetString());
        Assert.Equal("sanitation", timeline[5].GetProperty("department").GetString());
        Assert.Equal(after1, timeline[6].GetProperty("photoIds")[0].GetGuid());
        Assert.Equal(photo, timeline[0].GetProperty("photoIds")[0].GetGuid());

        // Every line records the step it finished, that step's deadline and whether it finished on time (domain.md §4.3).
        string?[] finished = [null, "accept", "file", "dispatch", null, "handle", "handle", "send-check", "check", "handle", "send-check", "check", "close"];
        Assert.Equal(finished, timeline.Select(l => l.GetProperty("finishedStep").GetString()));
        Assert.All(timeline.Where(l => l.GetProperty("finishedStep").ValueKind == JsonValueKind.String), l =>
        {
            Assert.True(l.GetProperty("onTime").GetBoolean());
            Assert.True(l.GetProperty("finishedDeadline").GetDateTimeOffset() >= l.GetProperty("at").GetDateTimeOffset());
        });
        // The 核查 clock starts at 发核查, not at 处置反馈.
        Assert.Equal("send-check", timeline[6].GetProperty("step").GetString());
        Assert.Equal("check", timeline[7].GetProperty("step").GetString());
    }

    [Fact]
    public async Task A_public_report_is_verified_away_or_rejected_with_a_reason()
    {
        var intake = await ApiClient.SignInAsync(App, "intake");
        var shiftLead = await ApiClient.SignInAsync(App, "shiftlead");
        var (lon, lat) = await (await ApiClient.SignInAsync(App, "gridmember-3")).PointInOwnDutyGridAsync();
        var created = await intake.ReportAsync(lon, lat, category: "20201", source: "public", description: "随手拍: 电线杆上贴满小广告");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var missingReason = await shiftLead.ActAsync(id, "reject", new { note = "无" });
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        var problem = await missingReason.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("duplicate", problem.GetProperty("errors").GetProperty("reason")[0].GetString());

        var rejected = await shiftLead.ActOkAsync(id, "reject", new { reason = "outside-jurisdiction", note = "位置在辖区外" });
        Assert.Equal("not-filed", rejected.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal("outside-jurisdiction", rejected.GetProperty("rejectionReason").GetString());
        var tooLate = await intake.ActAsync(id, "accept");
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        Assert.Contains("不予立案", (await tooLate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_public_report_goes_to_on_site_verification_first()
    {
        var intake = await ApiClient.SignInAsync(App, "intake");
        var member = await ApiClient.SignInAsync(App, "gridmember-2");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var created = await intake.ReportAsync(lon, lat, category: "20506", source: "hotline", description: "12345: 共享单车堆满人行道");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var accepted = await intake.ActOkAsync(id, "accept");
        Assert.Equal("verifying", accepted.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await member.ActAsync(id, "verify", new { note = "现场属实" })).StatusCode); // a photo proves it
        var verified = await member.ActOkAsync(id, "verify", new { note = "现场属实", photoIds = new[] { await member.UploadPhotoAsync() } });
        Assert.Equal("pending-filing", verified.GetProperty("case").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_problem_fixed_on_the_spot_is_reviewed_and_closed()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-4");
        var intake = await ApiClient.SignInAsync(App, "intake");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var id = (await (await member.ReportAsync(lon, lat, category: "20504", description: "店外经营, 已劝导收回")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var onePhoto = await member.ActAsync(id, "self-handle", new { photoIds = new[] { await member.UploadPhotoAsync() } });
        Assert.Equal(HttpStatusCode.BadRequest, onePhoto.StatusCode);
        var fixedOnSpot = await member.ActOkAsync(id, "self-handle", new { note = "劝导后已收回", photoIds = new[] { await member.UploadPhotoAsync(), await member.UploadPhotoAsync() } });
        Assert.Equal("self-handled", fixedOnSpot.GetProperty("case").GetProperty("status").GetString());
        var closed = await intake.ActOkAsync(id, "approve-self-handled", new { resolution = "service" });
        Assert.Equal("service", closed.GetProperty("resolution").GetString()); // on-the-spot fixes carry the 721 tag too
        Assert.Equal("closed", closed.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(["report", "self-handle", "approve-self-handled"], closed.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("action").GetString()!));
    }

    [Fact]
    public async Task Concurrent_actions_on_one_case_leave_one_winner_and_a_409_with_nothing_half_written()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-5");
        var intake = await ApiClient.SignInAsync(App, "intake");
        var shiftLead = await ApiClient.SignInAsync(App, "shiftlead");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var id = (await (await member.ReportAsync(lon, lat)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var version = (await intake.CaseAsync(id)).GetProperty("case").GetProperty("version").GetInt32();

        // Two clerks act on the same version at the same moment: accept and a request to void it.
        var dispatcher = await ApiClient.SignInAsync(App, "dispatcher");
        var results = await Task.WhenAll(
            intake.ActAsync(id, "accept", new { version }),
            dispatcher.ActAsync(id, "request-void", new { version, note = "重复" }));
        var codes = results.Select(r => r.StatusCode).OrderBy(c => c).ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], codes);

        var detail = await intake.CaseAsync(id);
        Assert.Equal(version + 1, detail.GetProperty("case").GetProperty("version").GetInt32());
        Assert.Equal(2, detail.GetProperty("timeline").GetArrayLength()); // the report and the winner, nothing of the loser

        // A stale version is refused outright.
        var stale = await shiftLead.ActAsync(id, "supervise", new { version, note = "过期版本" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task A_likely_duplicate_is_offered_and_can_be_merged()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-6");
        var intake = await ApiClient.SignInAsync(App, "intake");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var first = (await (await member.ReportAsync(lon, lat, category: "20107")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var second = await (await member.ReportAsync(lon + 0.0001, lat, category: "20107", description: "废弃车辆, 同一辆")).Content.ReadFromJsonAsync<JsonElement>();
        var hint = Assert.Single(second.GetProperty("likelyDuplicates").EnumerateArray());
        Assert.Equal(first, hint.GetProperty("id").GetGuid());
        Assert.InRange(hint.GetProperty("distanceM").GetDouble(), 5, 15);

        var merged = await intake.ActOkAsync(second.GetProperty("id").GetGuid(), "merge", new { masterCaseId = first });
        Assert.Equal("merged", merged.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal(first, merged.GetProperty("masterCaseId").GetGuid());
    }

    [Fact]
    public async Task Bad_input_gets_field_level_problems_and_wrong_people_get_403()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember");
        var (ownLon, ownLat) = await member.PointInOwnDutyGridAsync();
        var noPhoto = await member.Http.PostAsJsonAsync("/api/cases", new { lon = ownLon, lat = ownLat, category = "20102", description = "无照片" });
        Assert.Equal(HttpStatusCode.BadRequest, noPhoto.StatusCode);
        Assert.True((await noPhoto.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photoIds", out _));
        var bad = await member.Http.PostAsJsonAsync("/api/cases", new { lon = 118.78, category = "99999", description = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("lat", out _));
        Assert.True(errors.TryGetProperty("category", out _));
        Assert.True(errors.TryGetProperty("description", out _));

        var outside = await member.ReportAsync(116.4, 39.9);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);

        // Somewhere in another duty grid.
        var other = (await (await ApiClient.SignInAsync(App, "gridmember-9")).MeAsync()).GetProperty("dutyGridCode").GetString()!;
        var (lon, lat) = await ApiClient.PointInDutyGridAsync(other);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.ReportAsync(lon, lat)).StatusCode);

        var handler = await ApiClient.SignInAsync(App, "handler");
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.ReportAsync(lon, lat)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await handler.ActAsync(Guid.NewGuid(), "handle")).StatusCode);

        // Reading is scoped too: a handler sees their department's cases, a grid member their duty grid's.
        var otherMember = await ApiClient.SignInAsync(App, "gridmember-9");
        var theirs = (await (await otherMember.ReportAsync(lon, lat)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await member.Http.GetAsync($"/api/cases/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherMember.Http.GetAsync($"/api/cases/{theirs}")).StatusCode);
        var waterHandler = await ApiClient.SignInAsync(App, "handler-water");
        var visible = await waterHandler.Http.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=500");
        Assert.All(visible.GetProperty("items").EnumerateArray(), c => Assert.Equal("water", c.GetProperty("department").GetString()));

        var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "intake", password = "wrong" })).StatusCode);
    }

    [Fact]
    public async Task Photos_are_checked_by_content_and_size()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember");
        using var fake = new MultipartFormDataContent();
        var text = new ByteArrayContent("this is not an image"u8.ToArray());
        text.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        fake.Add(text, "file", "fake.jpg");
        var refused = await member.Http.PostAsync("/api/photos", fake);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("JPEG", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());

        // A real image is decoded and kept re-encoded as JPEG, served with nosniff, and only to those who may see it.
        var id = await member.UploadPhotoAsync();
        var served = await member.Http.GetAsync($"/api/photos/{id}");
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        using (var image = SkiaSharp.SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((1, 1), (image.Width, image.Height));
        }
        var stranger = await ApiClient.SignInAsync(App, "gridmember-30");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/api/photos/{id}")).StatusCode);
        // Once it is on a case, whoever may read the case sees it.
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        await member.ReportAsync(lon, lat, photos: [id]);
        Assert.Equal(HttpStatusCode.OK, (await (await ApiClient.SignInAsync(App, "intake")).Http.GetAsync($"/api/photos/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync($"/api/photos/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_case_list_filters_by_status_grid_department_and_number()
    {
        var member = await ApiClient.SignInAsync(App, "gridmember-7");
        var me = await member.MeAsync();
        var dutyGrid = me.GetProperty("dutyGridCode").GetString()!;
        var (lon, lat) = await ApiClient.PointInDutyGridAsync(dutyGrid);
        var created = await (await member.ReportAsync(lon, lat, category: "20305")).Content.ReadFromJsonAsync<JsonElement>();
        var number = created.GetProperty("number").GetString()!;

        var byNumber = await member.Http.GetFromJsonAsync<JsonElement>($"/api/cases?q={number}");
        Assert.Equal(number, Assert.Single(byNumber.GetProperty("items").EnumerateArray()).GetProperty("number").GetString());
        var byGrid = await member.Http.GetFromJsonAsync<JsonElement>($"/api/cases?dutyGrid={dutyGrid}&status=reported");
        Assert.All(byGrid.GetProperty("items").EnumerateArray(), c => Assert.Equal(dutyGrid, c.GetProperty("dutyGridCode").GetString()));
        Assert.Contains(byGrid.GetProperty("items").EnumerateArray(), c => c.GetProperty("number").GetString() == number);
        var closedOnly = await member.Http.GetFromJsonAsync<JsonElement>($"/api/cases?q={number}&status=closed");
        Assert.Equal(0, closedOnly.GetProperty("total").GetInt32());

        var categories = await member.Http.GetFromJsonAsync<JsonElement>("/api/categories");
        Assert.Contains(categories.EnumerateArray(), c => c.GetProperty("code").GetString() == "20102" && c.GetProperty("department").GetString() == "sanitation");
        var departments = await member.Http.GetFromJsonAsync<JsonElement>("/api/departments");
        Assert.True(departments.GetArrayLength() >= 8);
    }
}
