using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>A citizen's 311 app, over HTTP only, and the centre's staff working the case it filed until it is closed.</summary>
[Collection(CityCollection.Name)]
public sealed class Open311CitizenStoryTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task A_request_from_a_311_client_is_verified_filed_dispatched_handled_checked_and_closed_and_the_client_sees_it_closed_with_notes()
    {
        using var client = new HttpClient { BaseAddress = App.ServerAddress };

        // Discover the endpoint, list the services, read the definition of 暴露垃圾.
        var discovery = await client.GetFromJsonAsync<JsonElement>("/open311/v2/discovery.json");
        var endpoint = discovery.GetProperty("endpoints")[0].GetProperty("url").GetString()!;
        Assert.EndsWith("/open311/v2", endpoint);
        var services = await client.GetFromJsonAsync<JsonElement>($"{endpoint}/services.json");
        var garbage = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "20102");
        Assert.True(garbage.GetProperty("metadata").GetBoolean());
        var definition = await client.GetFromJsonAsync<JsonElement>($"{endpoint}/services/20102.json");
        var attribute = definition.GetProperty("attributes")[0];
        Assert.Equal("pile_size", attribute.GetProperty("code").GetString());

        // Post a request with a photo URL, at a point of gridmember-40's duty grid.
        var member = await ApiClient.SignInAsync(App, "gridmember-40");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var posted = await client.PostAsync($"{endpoint}/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = "demo-open311-key", ["jurisdiction_id"] = "3201", ["service_code"] = "20102",
            ["lat"] = lat.ToString("R", CultureInfo.InvariantCulture), ["long"] = lon.ToString("R", CultureInfo.InvariantCulture),
            ["attribute[pile_size]"] = attribute.GetProperty("values")[2].GetProperty("key").GetString()!,
            ["description"] = "小区门口堆了好几袋垃圾", ["media_url"] = "https://photos.example.org/311/garbage.jpg",
            ["email"] = "wang.wu@example.org", ["phone"] = "13800138000",
        }));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var number = (await posted.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString()!;

        // Get it: open, the photo URL shown.
        var request = (await client.GetFromJsonAsync<JsonElement>($"{endpoint}/requests/{number}.json"))[0];
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("https://photos.example.org/311/garbage.jpg", request.GetProperty("media_url").GetString());

        // Inside the centre: the case came in as Open311, waiting for intake; intake sends it to 核实.
        var intake = await ApiClient.SignInAsync(App, "intake");
        var found = await intake.Http.GetFromJsonAsync<JsonElement>($"/api/cases?q={number}");
        var summary = found.GetProperty("items")[0];
        Assert.Equal("open311", summary.GetProperty("source").GetString());
        Assert.Equal("reported", summary.GetProperty("status").GetString());
        var id = summary.GetProperty("id").GetGuid();
        Assert.Equal("verifying", (await intake.ActOkAsync(id, "accept")).GetProperty("case").GetProperty("status").GetString());
        Assert.Equal("verifying", (await client.GetFromJsonAsync<JsonElement>($"/api/public/cases/{number}")).GetProperty("stage").GetString());
        await member.ActOkAsync(id, "verify", new { photoIds = new[] { await member.UploadPhotoAsync() } });
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "file");
        await (await ApiClient.SignInAsync(App, "dispatcher")).ActOkAsync(id, "dispatch", new { department = "sanitation" });
        var handler = await ApiClient.SignInAsync(App, "handler");
        var afterPhoto = await handler.UploadPhotoAsync();
        await handler.ActOkAsync(id, "handle", new { note = "已清运", photoIds = new[] { afterPhoto } });
        await intake.ActOkAsync(id, "send-check");
        await member.ActOkAsync(id, "check-pass", new { photoIds = new[] { await member.UploadPhotoAsync() } });
        await (await ApiClient.SignInAsync(App, "shiftlead")).ActOkAsync(id, "close", new { resolution = "service" });

        // The client sees it closed, with notes in plain words, the department, and the after-photo as its media.
        var closed = (await client.GetFromJsonAsync<JsonElement>($"{endpoint}/requests.json?service_request_id={number}"))[0];
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("问题已解决, 案件办结。", closed.GetProperty("status_notes").GetString());
        Assert.Equal("市容环卫", closed.GetProperty("agency_responsible").GetString());
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("expected_datetime").ValueKind);
        var media = closed.GetProperty("media_url").GetString()!;
        Assert.EndsWith($"/api/public/cases/{number}/photo", media);
        var photo = await client.GetAsync(media);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
        // The same picture the handler uploaded (stored re-encoded), without signing in.
        Assert.Equal(await handler.Http.GetByteArrayAsync($"/api/photos/{afterPhoto}"), await photo.Content.ReadAsByteArrayAsync());
        Assert.Contains(number, (await client.GetStringAsync($"{endpoint}/requests.xml?status=closed&service_code=20102")));
        var raw = await client.GetStringAsync($"{endpoint}/requests/{number}.xml");
        Assert.DoesNotContain("wang.wu@example.org", raw);
        Assert.DoesNotContain("13800138000", raw);
        Assert.DoesNotContain("已清运", raw); // staff notes stay inside

        // Staff see who reported it and what they answered.
        var reporter = await intake.Http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/reporter");
        Assert.Equal("13800138000", reporter.GetProperty("phone").GetString());
        Assert.Equal("wang.wu@example.org", reporter.GetProperty("email").GetString());
        Assert.Equal("large", reporter.GetProperty("attributes").GetProperty("pile_size")[0].GetString());
        var grid = await member.Http.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/reporter");
        Assert.Equal("138****8000", grid.GetProperty("phone").GetString());
    }

    [Fact]
    public async Task A_rejected_report_tells_the_client_why_in_plain_words()
    {
        using var client = new HttpClient { BaseAddress = App.ServerAddress };
        var (lon, lat) = await ApiClient.PointInDutyGridAsync((await (await ApiClient.SignInAsync(App, "gridmember-41")).MeAsync()).GetProperty("dutyGridCode").GetString()!);
        var posted = await client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = "demo-open311-key", ["service_code"] = "20201",
            ["lat"] = lat.ToString("R", CultureInfo.InvariantCulture), ["long"] = lon.ToString("R", CultureInfo.InvariantCulture),
        }));
        var number = (await posted.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString()!;
        var shiftLead = await ApiClient.SignInAsync(App, "shiftlead");
        var id = (await shiftLead.Http.GetFromJsonAsync<JsonElement>($"/api/cases?q={number}")).GetProperty("items")[0].GetProperty("id").GetGuid();
        await shiftLead.ActOkAsync(id, "reject", new { reason = "duplicate" });

        var request = (await client.GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{number}.json"))[0];
        Assert.Equal("closed", request.GetProperty("status").GetString());
        Assert.Equal("不予立案: 重复上报。", request.GetProperty("status_notes").GetString());
        Assert.Equal(JsonValueKind.Null, request.GetProperty("media_url").ValueKind);
    }
}
