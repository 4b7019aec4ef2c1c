using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// GeoReport v2 at /open311/v2, every resource in .json and .xml, and the specification's errors: unknown service
/// code, missing location, bad dates, unknown request id or token, missing or revoked api_key, wrong jurisdiction.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class Open311ConformanceTests(CommandCenterFactory app) : CityTest(app)
{
    private const string DemoKey = "demo-open311-key";
    private readonly HttpClient _http = app.CreateClient();

    public static TheoryData<string> Formats => new() { "json", "xml" };

    private async Task<GeoReportDocument> GetAsync(string path, string format) =>
        await GeoReportDocument.ReadAsync(await _http.GetAsync($"/open311/v2/{path.Replace("{f}", format, StringComparison.Ordinal)}"), format);

    private async Task<GeoReportDocument> PostAsync(string format, params (string Name, string Value)[] fields)
    {
        using var form = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await GeoReportDocument.ReadAsync(await _http.PostAsync($"/open311/v2/requests.{format}", form), format);
    }

    /// <summary>A point in the duty grid of gridmember-30, away from the other tests' points.</summary>
    private static async Task<(string Lat, string Long)> PlaceAsync(int nth = 0)
    {
        var (lon, lat) = await ApiClient.PointInDutyGridAsync(await DutyGridOfAsync("gridmember-30"), nth);
        return (lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture), lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> DutyGridOfAsync(string user)
    {
        await using var conn = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT duty_grid_code FROM users WHERE user_name = @u", conn);
        cmd.Parameters.AddWithValue("u", user);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private static void AssertContentType(GeoReportDocument doc, string format) =>
        Assert.Equal(format == "json" ? "application/json" : "text/xml", doc.ContentType);

    private static void AssertError(GeoReportDocument doc, HttpStatusCode status, string format, string? mentions = null)
    {
        Assert.Equal(status, doc.Status);
        AssertContentType(doc, format);
        var error = Assert.Single(doc.Errors);
        Assert.Equal((int)status, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Description));
        if (mentions is not null)
        {
            Assert.Contains(mentions, error.Description, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Discovery_names_the_v2_endpoint_its_formats_and_where_keys_come_from(string format)
    {
        var doc = await GetAsync("discovery.{f}", format);
        Assert.Equal(HttpStatusCode.OK, doc.Status);
        AssertContentType(doc, format);
        var discovery = doc.Single;
        Assert.False(string.IsNullOrEmpty(discovery["changeset"]));
        Assert.False(string.IsNullOrEmpty(discovery["key_service"]));
        Assert.Contains("http://wiki.open311.org/GeoReport_v2", discovery["endpoints"]);
        Assert.Contains($"{App.ServerAddress.ToString().TrimEnd('/')}/open311/v2", discovery["endpoints"]);
        Assert.Contains("text/xml", discovery["endpoints"]);
        Assert.Contains("application/json", discovery["endpoints"]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Services_are_the_categories_with_their_group_and_metadata_where_they_ask_questions(string format)
    {
        var doc = await GetAsync("services.{f}", format);
        Assert.Equal(HttpStatusCode.OK, doc.Status);
        AssertContentType(doc, format);
        Assert.Equal(76, doc.Items.Count); // gis-data/categories.json
        var garbage = doc.Items.Single(s => s["service_code"] == "20102");
        Assert.Equal("暴露垃圾", garbage["service_name"]);
        Assert.Equal("事件/市容环境", garbage["group"]);
        Assert.Equal("true", garbage["metadata"]);
        Assert.Equal("realtime", garbage["type"]);
        Assert.Equal("false", doc.Items.Single(s => s["service_code"] == "20201")["metadata"]); // 非法小广告 asks nothing more
        Assert.Equal("部件/公用设施", doc.Items.Single(s => s["service_code"] == "10101")["group"]);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_service_definition_lists_its_attributes_with_datatype_order_and_values(string format)
    {
        var doc = await GetAsync("services/20102.{f}", format);
        Assert.Equal(HttpStatusCode.OK, doc.Status);
        var definition = doc.Single;
        Assert.Equal("20102", definition["service_code"]);
        var attributes = definition["attributes"]!;
        foreach (var expected in new[] { "pile_size", "singlevaluelist", "small", "medium", "large", "垃圾大约有多少" })
        {
            Assert.Contains(expected, attributes);
        }
        var vendor = (await GetAsync("services/20501.{f}", format)).Single["attributes"]!;
        Assert.Contains("vendor_mobile", vendor);
        Assert.Contains("stall_count", vendor);
        Assert.Contains("number", vendor);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_unknown_service_code_is_404_in_the_specifications_error_format(string format)
    {
        AssertError(await GetAsync("services/29999.{f}", format), HttpStatusCode.NotFound, format, "29999");
        var (lat, lon) = await PlaceAsync();
        AssertError(await PostAsync(format, ("api_key", DemoKey), ("service_code", "29999"), ("lat", lat), ("long", lon)), HttpStatusCode.NotFound, format, "29999");
        AssertError(await GetAsync("requests.{f}?service_code=20102,29999", format), HttpStatusCode.NotFound, format, "29999");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_wrong_jurisdiction_is_refused_everywhere_and_the_right_one_is_accepted(string format)
    {
        foreach (var path in new[] { "discovery.{f}", "services.{f}", "services/20102.{f}", "requests.{f}", "requests/000000000000.{f}", "tokens/none.{f}" })
        {
            if (path.StartsWith("discovery", StringComparison.Ordinal))
            {
                continue; // discovery serves every jurisdiction it lists
            }
            AssertError(await GetAsync($"{path}?jurisdiction_id=4401", format), HttpStatusCode.NotFound, format, "4401");
        }
        var (lat, lon) = await PlaceAsync();
        AssertError(await PostAsync(format, ("jurisdiction_id", "4401"), ("api_key", DemoKey), ("service_code", "20201"), ("lat", lat), ("long", lon)),
            HttpStatusCode.NotFound, format, "4401");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("services.{f}?jurisdiction_id=3201", format)).Status);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_post_without_an_api_key_or_with_an_unknown_or_revoked_one_is_403(string format)
    {
        var (lat, lon) = await PlaceAsync();
        AssertError(await PostAsync(format, ("service_code", "20201"), ("lat", lat), ("long", lon)), HttpStatusCode.Forbidden, format, "api_key");
        AssertError(await PostAsync(format, ("api_key", "not-a-key"), ("service_code", "20201"), ("lat", lat), ("long", lon)), HttpStatusCode.Forbidden, format, "api_key");

        var admin = await ApiClient.SignInAsync(App, "admin");
        var issued = await (await admin.Http.PostAsJsonAsync("/api/admin/open311-keys", new { name = $"revoked-{format}" })).Content.ReadFromJsonAsync<JsonElement>();
        var key = issued.GetProperty("key").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(format, ("api_key", key), ("service_code", "20201"), ("lat", lat), ("long", lon), ("description", "墙上小广告"))).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteAsync($"/api/admin/open311-keys/{issued.GetProperty("id").GetGuid()}")).StatusCode);
        AssertError(await PostAsync(format, ("api_key", key), ("service_code", "20201"), ("lat", lat), ("long", lon)), HttpStatusCode.Forbidden, format, "api_key");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_post_without_a_location_or_with_an_address_naming_no_street_is_400(string format)
    {
        AssertError(await PostAsync(format, ("api_key", DemoKey), ("service_code", "20201"), ("description", "小广告")), HttpStatusCode.BadRequest, format, "lat");
        AssertError(await PostAsync(format, ("api_key", DemoKey), ("service_code", "20201"), ("address_string", "火星路1号")), HttpStatusCode.BadRequest, format, "address_string");
        AssertError(await PostAsync(format, ("api_key", DemoKey), ("service_code", "20201"), ("lat", "north"), ("long", "118.78")), HttpStatusCode.BadRequest, format, "lat");
        AssertError(await PostAsync(format, ("api_key", DemoKey)), HttpStatusCode.BadRequest, format, "service_code");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Attributes_are_validated_against_the_service_definition(string format)
    {
        var (lat, lon) = await PlaceAsync(1);
        var missing = await PostAsync(format, ("api_key", DemoKey), ("service_code", "20102"), ("lat", lat), ("long", lon));
        AssertError(missing, HttpStatusCode.BadRequest, format, "attribute[pile_size]");
        var wrong = await PostAsync(format, ("api_key", DemoKey), ("service_code", "20102"), ("lat", lat), ("long", lon), ("attribute[pile_size]", "huge"));
        AssertError(wrong, HttpStatusCode.BadRequest, format, "huge");
        var unknown = await PostAsync(format, ("api_key", DemoKey), ("service_code", "20102"), ("lat", lat), ("long", lon),
            ("attribute[pile_size]", "small"), ("attribute[colour]", "red"));
        AssertError(unknown, HttpStatusCode.BadRequest, format, "attribute[colour]");
        var multi = await PostAsync(format, ("api_key", DemoKey), ("service_code", "20301"), ("lat", lat), ("long", lon), ("description", "夜间施工噪音"),
            ("attribute[noise_kinds][]", "machinery"), ("attribute[noise_kinds][]", "vehicles"), ("attribute[noise_heard_at]", "2026-12-01T22:30:00+08:00"));
        Assert.Equal(HttpStatusCode.Created, multi.Status);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_posted_request_is_found_by_id_token_list_code_status_and_dates_and_hides_the_reporter(string format)
    {
        var (lat, lon) = await PlaceAsync(2);
        var posted = await PostAsync(format, ("api_key", DemoKey), ("service_code", "20102"), ("lat", lat), ("long", lon),
            ("attribute[pile_size]", "medium"), ("description", "路口一堆垃圾"), ("media_url", "https://example.org/p/1.jpg"),
            ("email", "li.si@example.org"), ("first_name", "李"), ("last_name", "四"), ("phone", "13900001111"), ("device_id", "dev-311-a"));
        Assert.Equal(HttpStatusCode.Created, posted.Status);
        AssertContentType(posted, format);
        var created = posted.Single;
        var id = created["service_request_id"]!;
        var token = created["token"]!;
        Assert.Matches("^[0-9]{12}$", id);
        Assert.False(string.IsNullOrEmpty(created["service_notice"]));

        var one = await GetAsync($"requests/{id}.{{f}}", format);
        Assert.Equal(HttpStatusCode.OK, one.Status);
        var request = one.Single;
        Assert.Equal(id, request["service_request_id"]);
        Assert.Equal("open", request["status"]);
        Assert.Equal("20102", request["service_code"]);
        Assert.Equal("暴露垃圾", request["service_name"]);
        Assert.Equal("路口一堆垃圾", request["description"]);
        Assert.Equal("市容环卫", request["agency_responsible"]);
        Assert.Equal("https://example.org/p/1.jpg", request["media_url"]);
        Assert.Equal("您的反映已收到, 正在等待受理。", request["status_notes"]);
        Assert.EndsWith("+08:00", request["requested_datetime"]);
        Assert.EndsWith("+08:00", request["expected_datetime"]); // the intake step's deadline
        Assert.Equal(double.Parse(lat, System.Globalization.CultureInfo.InvariantCulture), double.Parse(request["lat"]!, System.Globalization.CultureInfo.InvariantCulture), 6);
        foreach (var secret in new[] { "li.si@example.org", "13900001111", "dev-311-a", "李", token })
        {
            Assert.DoesNotContain(secret, one.Raw, StringComparison.Ordinal);
        }

        var byToken = await GetAsync($"tokens/{token}.{{f}}", format);
        Assert.Equal(HttpStatusCode.OK, byToken.Status);
        Assert.Equal(id, byToken.Single["service_request_id"]);
        Assert.Equal(token, byToken.Single["token"]);

        Assert.Equal(id, (await GetAsync($"requests.{{f}}?service_request_id={id},000000000000", format)).Single["service_request_id"]);
        Assert.Contains(id, (await GetAsync("requests.{f}?service_code=20102&status=open", format)).Items.Select(i => i["service_request_id"]));
        Assert.DoesNotContain(id, (await GetAsync("requests.{f}?service_code=20102&status=closed", format)).Items.Select(i => i["service_request_id"]));
        Assert.DoesNotContain(id, (await GetAsync("requests.{f}?service_code=20201", format)).Items.Select(i => i["service_request_id"]));
        var now = App.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var window = $"start_date={Uri.EscapeDataString(now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz"))}&end_date={Uri.EscapeDataString(now.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz"))}";
        Assert.Contains(id, (await GetAsync($"requests.{{f}}?{window}", format)).Items.Select(i => i["service_request_id"]));
        var before = $"end_date={Uri.EscapeDataString(now.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz"))}";
        Assert.DoesNotContain(id, (await GetAsync($"requests.{{f}}?{before}", format)).Items.Select(i => i["service_request_id"]));
        var paged = await GetAsync("requests.{f}?page_size=1", format);
        Assert.Single(paged.Items);
        foreach (var secret in new[] { "li.si@example.org", "13900001111", "dev-311-a" })
        {
            Assert.DoesNotContain(secret, paged.Raw, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_address_string_naming_a_street_places_the_request_on_that_street(string format)
    {
        var posted = await PostAsync(format, ("api_key", DemoKey), ("service_code", "20201"), ("address_string", "中山东路18号门口"), ("description", "电线杆上贴满小广告"));
        Assert.Equal(HttpStatusCode.Created, posted.Status);
        var request = (await GetAsync($"requests/{posted.Single["service_request_id"]}.{{f}}", format)).Single;
        Assert.Equal("中山东路18号门口", request["address"]);
        Assert.False(string.IsNullOrEmpty(request["lat"]));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Bad_dates_bad_status_and_a_span_over_90_days_are_400(string format)
    {
        AssertError(await GetAsync("requests.{f}?start_date=yesterday", format), HttpStatusCode.BadRequest, format, "start_date");
        AssertError(await GetAsync("requests.{f}?start_date=2026-11-30T00:00:00%2B08:00&end_date=2026-11-01T00:00:00%2B08:00", format), HttpStatusCode.BadRequest, format, "end_date");
        AssertError(await GetAsync("requests.{f}?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-11-01T00:00:00%2B08:00", format), HttpStatusCode.BadRequest, format, "90");
        AssertError(await GetAsync("requests.{f}?status=pending", format), HttpStatusCode.BadRequest, format, "status");
        AssertError(await GetAsync("requests.{f}?page_size=5000", format), HttpStatusCode.BadRequest, format, "page_size");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_unknown_request_id_or_token_is_404(string format)
    {
        AssertError(await GetAsync("requests/209912319999.{f}", format), HttpStatusCode.NotFound, format, "209912319999");
        AssertError(await GetAsync("tokens/no-such-token.{f}", format), HttpStatusCode.NotFound, format, "no-such-token");
    }

    [Fact]
    public async Task An_unsupported_format_is_404_and_descriptions_follow_the_clients_language()
    {
        var csv = await GeoReportDocument.ReadAsync(await _http.GetAsync("/open311/v2/services.csv"), "json");
        AssertError(csv, HttpStatusCode.NotFound, "json", "csv");
        using var english = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/services/29999.json");
        english.Headers.AcceptLanguage.ParseAdd("en");
        var error = (await GeoReportDocument.ReadAsync(await _http.SendAsync(english), "json")).Errors.Single();
        Assert.Equal("service_code 29999 not found (see services.json)", error.Description);
    }
}
