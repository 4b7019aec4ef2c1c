using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Npgsql;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// The 随手拍 page's anonymous API: a report with a photo becomes a public case that intake sends to 核实; the public
/// status hides the reporter; the reporter alone rates it once closed; writes are rate-limited per client address and
/// an operator can block an abusive source. Each test speaks from its own loopback address.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class PublicIntakeTests(CommandCenterFactory app) : CityTest(app)
{
    private static async Task<Guid> UploadAsync(HttpClient http)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(ApiClient.TinyPng);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "scene.png");
        var response = await http.PostAsync("/api/public/photos", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<(double Lon, double Lat)> PlaceOfAsync(string gridMember) =>
        await (await ApiClient.SignInAsync(App, gridMember)).PointInOwnDutyGridAsync();

    [Fact]
    public async Task A_report_with_a_photo_is_a_public_case_that_goes_to_verification_and_its_status_shows_no_personal_data()
    {
        using var citizen = LoopbackClient.From(App, "127.0.0.21");
        var photo = await UploadAsync(citizen);
        var (lon, lat) = await PlaceOfAsync("gridmember-50");
        var response = await citizen.PostAsJsonAsync("/api/public/reports", new
        {
            category = "20102", lon, lat, description = "楼下垃圾桶旁堆满垃圾", photoIds = new[] { photo },
            attributes = new Dictionary<string, string[]> { ["pile_size"] = ["small"] }, name = "赵六", phone = "13711112222",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var number = body.GetProperty("number").GetString()!;
        var token = body.GetProperty("token").GetString()!;
        Assert.Equal($"/s/{number}?t={token}", body.GetProperty("statusUrl").GetString());
        Assert.Equal("received", body.GetProperty("status").GetString());

        var intake = await ApiClient.SignInAsync(App, "intake");
        var summary = (await intake.Http.GetFromJsonAsync<JsonElement>($"/api/cases?q={number}")).GetProperty("items")[0];
        Assert.Equal("public", summary.GetProperty("source").GetString());
        var id = summary.GetProperty("id").GetGuid();
        var detail = await intake.CaseAsync(id);
        Assert.Equal("citizen", detail.GetProperty("timeline")[0].GetProperty("actorRole").GetString());
        Assert.Equal([photo], detail.GetProperty("timeline")[0].GetProperty("photoIds").EnumerateArray().Select(p => p.GetGuid()));
        Assert.Equal("verifying", (await intake.ActOkAsync(id, "accept")).GetProperty("case").GetProperty("status").GetString());

        var status = await citizen.GetStringAsync($"/api/public/cases/{number}");
        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync($"/s/{number}")); // Razor writes CJK as character references
        var open311 = await citizen.GetStringAsync($"/open311/v2/requests/{number}.json");
        foreach (var text in new[] { status, page, open311 })
        {
            Assert.DoesNotContain("赵六", text);
            Assert.DoesNotContain("13711112222", text);
            Assert.DoesNotContain("127.0.0.21", text);
            Assert.DoesNotContain("intake", text); // no staff names either
        }
        var json = JsonDocument.Parse(status).RootElement;
        Assert.Equal("verifying", json.GetProperty("stage").GetString());
        Assert.Equal(["received", "verifying"], json.GetProperty("timeline").EnumerateArray().Select(m => m.GetProperty("stage").GetString()));
        Assert.Contains("核实中", page);

        var reporter = await intake.Http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/reporter");
        Assert.Equal("赵六", reporter.GetProperty("name").GetString());
        Assert.Equal("127.0.0.21", reporter.GetProperty("clientAddress").GetString());
    }

    [Fact]
    public async Task A_public_report_may_carry_only_photos_uploaded_anonymously_and_must_say_where()
    {
        using var citizen = LoopbackClient.From(App, "127.0.0.22");
        var staffPhoto = await (await ApiClient.SignInAsync(App, "intake")).UploadPhotoAsync();
        var (lon, lat) = await PlaceOfAsync("gridmember-51");
        var borrowed = await citizen.PostAsJsonAsync("/api/public/reports", new { category = "20201", lon, lat, description = "小广告", photoIds = new[] { staffPhoto } });
        Assert.Equal(HttpStatusCode.BadRequest, borrowed.StatusCode);
        Assert.True((await borrowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("photoIds", out _));
        var nowhere = await citizen.PostAsJsonAsync("/api/public/reports", new { category = "20201", description = "小广告" });
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.True((await nowhere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lat", out _));
        var street = await citizen.PostAsJsonAsync("/api/public/reports", new { category = "20201", streetId = "S001", description = "公示牌旁小广告" });
        Assert.Equal(HttpStatusCode.Created, street.StatusCode);
    }

    [Fact]
    public async Task Too_many_anonymous_writes_from_one_address_get_429_with_retry_after_and_a_problem_body_while_others_are_served()
    {
        using var flood = LoopbackClient.From(App, "127.0.0.23");
        HttpResponseMessage last = null!;
        for (var i = 0; i <= 20; i++) // the default limit is 20 per 10 minutes
        {
            last = await flood.PostAsJsonAsync("/api/public/reports?culture=zh-CN", new { category = "20201" });
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.True(last.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 600 }, $"Retry-After: {last.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        var problem = await last.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("TooManyReports", problem.GetProperty("code").GetString());
        Assert.StartsWith("提交过于频繁", problem.GetProperty("detail").GetString());

        using var neighbour = LoopbackClient.From(App, "127.0.0.24");
        Assert.Equal(HttpStatusCode.BadRequest, (await neighbour.PostAsJsonAsync("/api/public/reports", new { category = "20201" })).StatusCode);
    }

    [Fact]
    public async Task An_operator_blocks_an_abusive_address_and_lifts_it_again_both_in_the_change_log()
    {
        using var abuser = LoopbackClient.From(App, "127.0.0.25");
        var (lon, lat) = await PlaceOfAsync("gridmember-52");
        var report = new { category = "20201", lon, lat, description = "测试" };
        var intake = await ApiClient.SignInAsync(App, "intake");

        var blocked = await intake.Http.PostAsJsonAsync("/api/intake-blocks", new { kind = "address", value = "127.0.0.25", reason = "恶意刷单" });
        Assert.Equal(HttpStatusCode.Created, blocked.StatusCode);
        var blockId = (await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var refused = await abuser.PostAsJsonAsync("/api/public/reports", report);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("SourceBlocked", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(ApiClient.TinyPng), "file", "a.png" } })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await abuser.PostAsync("/api/public/photos", form)).StatusCode);
        }
        Assert.Contains((await intake.Http.GetFromJsonAsync<JsonElement>("/api/intake-blocks")).EnumerateArray(), b => b.GetProperty("value").GetString() == "127.0.0.25");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiClient.SignInAsync(App, "handler")).Http.PostAsJsonAsync("/api/intake-blocks",
            new { kind = "address", value = "127.0.0.99", reason = "x" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await intake.Http.DeleteAsync($"/api/intake-blocks/{blockId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await intake.Http.DeleteAsync($"/api/intake-blocks/{blockId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await abuser.PostAsJsonAsync("/api/public/reports", report)).StatusCode);

        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT action, actor FROM changes WHERE topic = 'intake-block' AND entity_id = @id ORDER BY seq", conn);
        cmd.Parameters.AddWithValue("id", blockId.ToString());
        var log = new List<(string, string)>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                log.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        Assert.Equal([("created", "intake"), ("retired", "intake")], log);
    }

    [Fact]
    public async Task Only_the_reporter_rates_a_closed_case_and_only_once()
    {
        using var citizen = LoopbackClient.From(App, "127.0.0.26");
        var member = await ApiClient.SignInAsync(App, "gridmember-53");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var body = await (await citizen.PostAsJsonAsync("/api/public/reports", new { category = "20201", lon, lat, description = "电线杆小广告" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var (number, token) = (body.GetProperty("number").GetString()!, body.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsJsonAsync($"/api/public/cases/{number}/satisfaction", new { token, answer = "satisfied" })).StatusCode);

        var intake = await ApiClient.SignInAsync(App, "intake");
        var id = (await intake.Http.GetFromJsonAsync<JsonElement>($"/api/cases?q={number}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        await intake.ActOkAsync(id, "accept");
        await member.ActOkAsync(id, "verify", new { photoIds = new[] { await member.UploadPhotoAsync() } });
        var shiftLead = await ApiClient.SignInAsync(App, "shiftlead");
        await shiftLead.ActOkAsync(id, "file");
        await (await ApiClient.SignInAsync(App, "dispatcher")).ActOkAsync(id, "dispatch", new { department = "enforcement" });
        var handler = await ApiClient.SignInAsync(App, "handler-enforcement");
        await handler.ActOkAsync(id, "handle", new { photoIds = new[] { await handler.UploadPhotoAsync() } });
        await intake.ActOkAsync(id, "send-check");
        await member.ActOkAsync(id, "check-pass", new { photoIds = new[] { await member.UploadPhotoAsync() } });
        await shiftLead.ActOkAsync(id, "close", new { resolution = "management" });

        var status = await citizen.GetFromJsonAsync<JsonElement>($"/api/public/cases/{number}?t={token}");
        Assert.True(status.GetProperty("mayRate").GetBoolean());
        Assert.False((await citizen.GetFromJsonAsync<JsonElement>($"/api/public/cases/{number}")).GetProperty("mayRate").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.PostAsJsonAsync($"/api/public/cases/{number}/satisfaction", new { token = "guess", answer = "dissatisfied" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await citizen.PostAsJsonAsync($"/api/public/cases/{number}/satisfaction", new { token, answer = "meh" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.PostAsJsonAsync($"/api/public/cases/{number}/satisfaction", new { token, answer = "basic" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.PostAsJsonAsync($"/api/public/cases/{number}/satisfaction", new { token, answer = "satisfied" })).StatusCode);

        var reporter = await intake.Http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/reporter");
        Assert.Equal("basic", reporter.GetProperty("satisfaction").GetString());
        Assert.Equal(App.Time.GetUtcNow(), reporter.GetProperty("satisfactionAt").GetDateTimeOffset());
        Assert.Equal("basic", (await citizen.GetFromJsonAsync<JsonElement>($"/api/public/cases/{number}?t={token}")).GetProperty("satisfaction").GetString());
    }
}
