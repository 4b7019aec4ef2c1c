using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>A chief's scorecard over a period, the 十无 checklist that turns failed items into cases, and the notice board's QR code.</summary>
[Collection(CityCollection.Name)]
public sealed class ChiefScorecardTests(CommandCenterFactory app) : CityTest(app)
{
    [Fact]
    public async Task The_scorecard_counts_the_chiefs_cases_of_the_period_and_only_the_chief_and_the_centre_read_it()
    {
        var chief = await ApiClient.SignInAsync(App, "streetchief-S002");
        var from = App.Time.GetUtcNow();
        App.Time.Advance(TimeSpan.FromSeconds(1));
        var (lon, lat) = await CityPlaces.OnStreetAsync("S002");
        var first = (await (await chief.ReportAsync(lon, lat, category: "20102", description: "记分卡测试 1")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var (lon2, lat2) = await CityPlaces.OnStreetAsync("S002", 2);
        await chief.ReportAsync(lon2, lat2, category: "20201", description: "记分卡测试 2");

        // The first goes the whole way and is closed on time.
        await (await ApiClient.SignInAsync(App, "intake")).ActOkAsync(first, "accept");
        var shiftlead = await ApiClient.SignInAsync(App, "shiftlead");
        await shiftlead.ActOkAsync(first, "file");
        await (await ApiClient.SignInAsync(App, "dispatcher")).ActOkAsync(first, "dispatch", new { department = "sanitation" });
        var handler = await ApiClient.SignInAsync(App, "handler");
        await handler.ActOkAsync(first, "handle", new { photoIds = new[] { await handler.UploadPhotoAsync() } });
        var intake = await ApiClient.SignInAsync(App, "intake");
        await intake.ActOkAsync(first, "send-check");
        var detail = await intake.CaseAsync(first);
        var member = await MemberOfAsync(detail.GetProperty("case").GetProperty("dutyGridCode").GetString()!);
        await member.ActOkAsync(first, "check-pass", new { photoIds = new[] { await member.UploadPhotoAsync() } });
        await shiftlead.ActOkAsync(first, "close", new { resolution = "service" });

        var to = App.Time.GetUtcNow().AddMinutes(1);
        var url = $"/api/chiefs/P0118/scorecard?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";
        var card = await chief.Http.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("夏新民", card.GetProperty("name").GetString());
        Assert.Equal(2, card.GetProperty("cases").GetInt64());
        Assert.Equal(1, card.GetProperty("closed").GetInt64());
        Assert.Equal(1, card.GetProperty("closedOnTime").GetInt64());
        Assert.Equal(0, card.GetProperty("overdueNow").GetInt64());
        Assert.Equal(0, card.GetProperty("repeats").GetInt64());
        Assert.Equal(50.0, card.GetProperty("closingRate").GetDouble());
        Assert.Equal(1, card.GetProperty("open").GetInt64());
        Assert.Equal(card.GetProperty("handlingHours").GetDouble(), card.GetProperty("averageHandlingHours").GetDouble());
        Assert.Contains(card.GetProperty("streets").EnumerateArray(), s => s.GetProperty("id").GetString() == "S002");

        Assert.Equal(HttpStatusCode.OK, (await (await ApiClient.SignInAsync(App, "leader")).Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiClient.SignInAsync(App, "streetchief-S001")).Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await ApiClient.SignInAsync(App, "gridmember")).Http.GetAsync(url)).StatusCode);
        var leader = await ApiClient.SignInAsync(App, "leader");
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Http.GetAsync("/api/chiefs/P9999/scorecard")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Http.GetAsync("/api/chiefs/P0118/scorecard?from=last-week")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.Http.GetAsync("/api/chiefs/P0118/scorecard?from=2026-12-05&to=2026-12-01")).StatusCode);
    }

    [Fact]
    public async Task Every_failed_item_of_the_ten_nos_becomes_one_case_of_its_category()
    {
        var chief = await ApiClient.SignInAsync(App, "streetchief-S001");
        var (lon, lat) = await CityPlaces.OnStreetAsync("S001", 1);
        var items = new object[]
        {
            new { item = "illegal-structure", passed = false, photoIds = new[] { await chief.UploadPhotoAsync() } },
            new { item = "wall-opening", passed = true },
            new { item = "piled-materials", passed = false, photoIds = new[] { await chief.UploadPhotoAsync() }, note = "建材堆在人行道" },
            new { item = "illegal-parking", passed = true },
        };
        var response = await chief.Http.PostAsJsonAsync("/api/streets/S001/checklist", new { lon, lat, items });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var cases = body.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(["20101", "20507"], cases.Select(c => c.GetProperty("category").GetString()));
        Assert.Empty(body.GetProperty("refused").EnumerateArray());
        var piled = await chief.CaseAsync(cases[1].GetProperty("id").GetGuid());
        Assert.Contains("建材堆在人行道", piled.GetProperty("case").GetProperty("description").GetString());
        Assert.Equal("patrol", piled.GetProperty("case").GetProperty("source").GetString());

        // A failed item without a photo is refused (a field report needs one); the others still go in.
        var partly = await (await chief.Http.PostAsJsonAsync("/api/streets/S001/checklist", new
        {
            lon, lat, items = new object[]
            {
                new { item = "bad-signboard", passed = false },
                new { item = "illegal-trading", passed = false, photoIds = new[] { await chief.UploadPhotoAsync() } },
            },
        })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Single(partly.GetProperty("cases").EnumerateArray());
        Assert.Equal("bad-signboard", partly.GetProperty("refused")[0].GetProperty("item").GetString());

        var unknown = await chief.Http.PostAsJsonAsync("/api/streets/S001/checklist", new { lon, lat, items = new[] { new { item = "no-dragons", passed = false } } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("items[0].item", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await chief.Http.PostAsJsonAsync("/api/streets/S999/checklist", new { items })).StatusCode);
    }

    [Fact]
    public async Task The_notice_boards_qr_code_opens_the_phone_report_view_with_the_street_filled_in()
    {
        var leader = await ApiClient.SignInAsync(App, "leader");
        var response = await leader.Http.GetAsync("/api/streets/S001/qr.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var text = QrDecoder.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(new Uri(leader.Http.BaseAddress!, "/report?street=S001").ToString(), text);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.Http.GetAsync("/api/streets/S999/qr.png")).StatusCode);
    }

    private async Task<ApiClient> MemberOfAsync(string dutyGrid)
    {
        await using var conn = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT user_name FROM users WHERE duty_grid_code = @d ORDER BY user_name LIMIT 1", conn);
        cmd.Parameters.AddWithValue("d", dutyGrid);
        return await ApiClient.SignInAsync(App, (string)(await cmd.ExecuteScalarAsync())!);
    }
}
