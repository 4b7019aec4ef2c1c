using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Npgsql;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// R4: generated malformed inputs — wrong JSON types, invalid JSON, NUL characters, oversized values, absurd numbers,
/// bad route ids and query values, uploads that lie about their content — against every writing and reading API.
/// Each must answer a clear 4xx problem (RFC 7807; for 400 naming the field), never a 5xx, and change no row.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class MalformedInputTests(CommandCenterFactory app) : CityTest(app)
{
    private const string Nul = "\u0000";
    private static readonly string Huge = new('长', 1_000_000);

    [Fact]
    public async Task Hundreds_of_malformed_inputs_get_a_clear_problem_each_no_5xx_and_no_changed_row()
    {
        var intake = await ApiClient.SignInAsync(App, "intake");
        var admin = await ApiClient.SignInAsync(App, "admin");
        var member = await ApiClient.SignInAsync(App, "gridmember-44");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        // One real case to act on; its state must not move.
        var caseId = (await (await intake.Http.PostAsJsonAsync("/api/cases", new { lon, lat, category = "20102", description = "畸形输入测试", source = "12319" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var before = await FingerprintAsync();

        var probes = new List<(string What, ApiClient As, Func<HttpRequestMessage> Request)>();
        void Json(string what, ApiClient who, HttpMethod method, string url, string body) =>
            probes.Add((what, who, () => new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") }));
        void Get(string what, ApiClient who, string url) => probes.Add((what, who, () => new HttpRequestMessage(HttpMethod.Get, url)));

        // The values a careless or hostile client sends in place of a proper one.
        var badValues = new Dictionary<string, string>
        {
            ["string"] = "\"abc\"", ["number"] = "20102", ["object"] = "{\"a\":1}", ["array"] = "[1,2]", ["true"] = "true",
            ["nul"] = JsonSerializer.Serialize("x" + Nul + "y"), ["huge"] = JsonSerializer.Serialize(Huge), ["overflow"] = "1e400",
            ["infinity"] = "\"Infinity\"", ["nan"] = "\"NaN\"", ["negative"] = "-1", ["empty"] = "\"\"",
        };
        var caseBody = new Dictionary<string, string>
        {
            ["lon"] = lon.ToString(System.Globalization.CultureInfo.InvariantCulture), ["lat"] = lat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["category"] = "\"20102\"", ["description"] = "\"路边垃圾\"", ["source"] = "\"12319\"", ["address"] = "\"汉中路\"", ["reporter"] = "\"张先生\"", ["photoIds"] = "[]",
        };
        foreach (var field in caseBody.Keys)
        {
            foreach (var (kind, value) in badValues)
            {
                // Values that are legal for the field are skipped: a string is a fine description.
                if ((field is "description" or "address" or "reporter" && kind is "string" or "infinity" or "nan" or "empty")
                    || (field is "category" && kind is "empty") || (field is "source" && kind is "empty"))
                {
                    continue;
                }
                var body = "{" + string.Join(",", caseBody.Select(kv => $"\"{kv.Key}\":{(kv.Key == field ? value : kv.Value)}")) + "}";
                Json($"POST /api/cases {field}={kind}", intake, HttpMethod.Post, "/api/cases", body);
            }
        }
        foreach (var raw in new[] { "", "{", "[]", "null", "\"x\"", "{\"lon\":", "{\"photoIds\":[\"x\"]}", "{\"photoIds\":\"x\"}" })
        {
            Json($"POST /api/cases body {raw}", intake, HttpMethod.Post, "/api/cases", raw);
        }

        var actionFields = new Dictionary<string, string[]>
        {
            ["note"] = ["number", "object", "nul", "huge"], ["department"] = ["number", "nul", "huge", "array"], ["reason"] = ["nul", "object"],
            ["extension"] = ["string", "overflow", "infinity", "nan", "object"], ["resolution"] = ["nul", "number", "huge"], ["category"] = ["nul", "array"],
            ["version"] = ["string", "overflow", "object"], ["photoIds"] = ["string", "number", "object"], ["masterCaseId"] = ["string", "number"],
        };
        foreach (var action in new[] { "accept", "reject", "merge", "request-void" })
        {
            foreach (var (field, kinds) in actionFields)
            {
                foreach (var kind in kinds)
                {
                    Json($"POST action {action} {field}={kind}", intake, HttpMethod.Post, $"/api/cases/{caseId}/actions/{action}", $"{{\"{field}\":{badValues[kind]}}}");
                }
            }
        }
        Json("POST action unknown", intake, HttpMethod.Post, $"/api/cases/{caseId}/actions/fly-away", "{}");
        Json("POST action not a guid", intake, HttpMethod.Post, "/api/cases/not-a-guid/actions/accept", "{}");
        Json("POST action unknown case", intake, HttpMethod.Post, $"/api/cases/{Guid.NewGuid()}/actions/accept", "{}");
        Json("POST action bad json", intake, HttpMethod.Post, $"/api/cases/{caseId}/actions/accept", "{\"note\":");

        foreach (var query in new[]
        {
            "page=2147483647", "page=4294969&pageSize=500", "page=-1", "page=abc", "pageSize=abc", "pageSize=0", "pageSize=100000", "q=%00", "grid=%00",
            "q=" + new string('9', 5000), "overdue=maybe", "department=%00", "category=" + new string('1', 300), "dutyGrid=%00",
        })
        {
            Get($"GET /api/cases?{query}", intake, $"/api/cases?{query}");
        }
        foreach (var query in new[] { "after=garbage", "limit=abc", "after=1e99", "after=-" })
        {
            Get($"GET /api/events?{query}", intake, $"/api/events?{query}");
        }
        foreach (var query in new[] { "date=garbage", "date=2026-13-45", "date=%00" })
        {
            Get($"GET /api/events/day?{query}", intake, $"/api/events/day?{query}");
        }
        foreach (var query in new[] { "lon=abc&lat=32", "lon=%00&lat=32", "lon=1e400&lat=32", "lon=118.78&lat=NaN", "lon=118.78&lat=32.04&at=%00", "lon=118.78&lat=32.04&at=yesterday", "lat=32" })
        {
            Get($"GET /api/lookup?{query}", intake, $"/api/lookup?{query}");
        }
        foreach (var query in new[] { "q=%00", "q=" + new string('路', 3000), "q=" })
        {
            Get($"GET /api/map/search?{query[..Math.Min(query.Length, 12)]}", intake, $"/api/map/search?{query}");
        }
        foreach (var query in new[] { "from=garbage", "to=%00", "overdue=perhaps", "page=abc" })
        {
            Get($"GET /api/map/cases?{query}", intake, $"/api/map/cases?{query}");
        }
        Get("GET case not a guid", intake, "/api/cases/not-a-guid");
        Get("GET unknown case", intake, $"/api/cases/{Guid.NewGuid()}");
        Get("GET photo not a guid", intake, "/api/photos/not-a-guid");
        Get("GET unknown photo", intake, $"/api/photos/{Guid.NewGuid()}");
        Get("GET unknown layer", intake, "/api/layers/no-such-layer");

        foreach (var value in new[] { "1e9", "1e6", "\"Infinity\"", "null", "1e400", "\"NaN\"", "-1", "0", "\"x\"", "{}", "[]" })
        {
            foreach (var unit in new[] { "\"naturalHours\"", "\"workingDays\"" })
            {
                Json($"PUT step-limits accept={value} {unit}", admin, HttpMethod.Put, "/api/admin/step-limits", $"{{\"accept\":{{\"value\":{value},\"unit\":{unit}}}}}");
            }
            Json($"PUT category limit {value}", admin, HttpMethod.Put, "/api/admin/categories/20102/limit", $"{{\"value\":{value},\"unit\":\"workingHours\"}}");
        }
        foreach (var body in new[] { "{\"fortnight\":{\"value\":1,\"unit\":\"workingHours\"}}", "{\"accept\":{\"value\":1,\"unit\":\"fortnights\"}}", "{\"accept\":null}", "[]", "\"x\"", "{" })
        {
            Json($"PUT step-limits {body}", admin, HttpMethod.Put, "/api/admin/step-limits", body);
        }
        Json("PUT unknown category limit", admin, HttpMethod.Put, "/api/admin/categories/99999/limit", "{\"value\":1,\"unit\":\"workingHours\"}");
        foreach (var body in new[]
        {
            "{\"date\":\"garbage\",\"kind\":\"holiday\"}", "{\"date\":\"2026-12-31\",\"kind\":\"party\"}", $"{{\"date\":\"2026-12-31\",\"kind\":\"holiday\",\"name\":{badValues["huge"]}}}",
            $"{{\"date\":\"2026-12-31\",\"kind\":\"holiday\",\"name\":{badValues["nul"]}}}", "{\"date\":20261231,\"kind\":\"holiday\"}", "{}",
        })
        {
            Json($"PUT calendar {body[..Math.Min(40, body.Length)]}", admin, HttpMethod.Put, "/api/admin/calendar", body);
        }
        foreach (var csv in new[] { "", "garbage", "date,kind,name\n2027-02-30,holiday,x", "date,kind,name\n2027-01-01,party,x", "date;kind;name\n2027-01-01;holiday;x", "date,kind,name\n2027-01-01,holiday," + new string('x', 500) })
        {
            probes.Add(($"POST calendar import {csv[..Math.Min(csv.Length, 20)]}", admin, () => new HttpRequestMessage(HttpMethod.Post, "/api/admin/calendar/import") { Content = new StringContent(csv, Encoding.UTF8, "text/csv") }));
        }
        foreach (var body in new[] { "[\"08:30-12:00\",\"11:00-17:30\"]", "[\"25:00-26:00\"]", "[]", "[\"x\"]", "{}", "[null]", $"[{badValues["nul"]}]" })
        {
            Json($"PUT working-hours {body}", admin, HttpMethod.Put, "/api/admin/working-hours", body);
        }
        foreach (var body in new[] { "{\"maxDeskExtensions\":-1}", "{\"duplicateWindowHours\":1e400}", "{\"chaseAt\":[0.8,0.5]}", "{\"superviseAt\":[\"x\"]}", "{\"multipleReworkAtLeast\":0}", "[]" })
        {
            Json($"PUT workflow {body}", admin, HttpMethod.Put, "/api/admin/workflow", body);
        }

        // Uploads that lie about what they are.
        var uploads = new (string What, Func<HttpContent> Content)[]
        {
            ("no boundary", () => new StringContent("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", Encoding.UTF8, "multipart/form-data")),
            ("truncated", () => Multipart("abc", truncate: true)),
            ("garbage", () => new ByteArrayContent(Encoding.UTF8.GetBytes("garbage garbage")) { Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x") } }),
            ("200-char boundary", () => new ByteArrayContent(Encoding.UTF8.GetBytes("--" + new string('b', 200) + "\r\n")) { Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=" + new string('b', 200)) } }),
            ("png signature only", () => File([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
            ("bare RIFF WEBP header", () => File([.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8])),
            ("jpeg magic then html", () => File([0xFF, 0xD8, 0xFF, .. "<html><script>alert(1)</script></html>"u8])),
            ("truncated png", () => File(ApiClient.TinyPng[..30])),
            ("empty file", () => File([])),
            ("json instead", () => new StringContent("{\"file\":\"x\"}", Encoding.UTF8, "application/json")),
            ("35 MB", () => File(new byte[35 * 1024 * 1024])),
        };
        foreach (var (what, content) in uploads)
        {
            // A client sending a big body asks first (Expect: 100-continue), so the refusal arrives before the bytes.
            probes.Add(($"POST /api/photos {what}", intake, () => new HttpRequestMessage(HttpMethod.Post, "/api/photos") { Content = content(), Headers = { ExpectContinue = true } }));
        }

        Assert.True(probes.Count >= 200, $"only {probes.Count} probes");
        var failures = new List<string>();
        var fiveHundreds = 0;
        foreach (var (what, who, request) in probes)
        {
            using var message = request();
            using var response = await who.Http.SendAsync(message);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                fiveHundreds++;
            }
            if (status is < 400 or >= 500)
            {
                failures.Add($"{what}: {status} {Short(text)}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{what}: {status} is not problem+json ({response.Content.Headers.ContentType}) {Short(text)}");
                continue;
            }
            var problem = JsonDocument.Parse(text).RootElement;
            if (!problem.TryGetProperty("title", out var title) || title.GetString() is not { Length: > 0 } || problem.GetProperty("status").GetInt32() != status)
            {
                failures.Add($"{what}: {status} problem without title or status: {Short(text)}");
            }
            else if (status == 400 && (!problem.TryGetProperty("errors", out var errors) || !errors.EnumerateObject().Any(e => e.Name.Length > 0 && e.Name != "$")))
            {
                failures.Add($"{what}: 400 names no field: {Short(text)}");
            }
        }
        var after = await FingerprintAsync();
        Console.WriteLine($"R4: {probes.Count} malformed inputs, {fiveHundreds} × 5xx, {failures.Count} unclear answers, rows changed: {(before == after ? 0 : 1)}");
        // A NUL in the path never reaches the app: Kestrel refuses the request line itself (a bodiless 400), so it is only
        // checked for not being a server error.
        foreach (var url in new[] { "/api/layers/%00", "/api/admin/categories/%00/limit" })
        {
            var status = (await admin.Http.GetAsync(url)).StatusCode;
            Assert.True((int)status is >= 400 and < 500, $"{url}: {status}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, after);
    }

    private static HttpContent File(byte[] bytes)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "scene.png");
        return form;
    }

    private static HttpContent Multipart(string payload, bool truncate)
    {
        var text = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n" + payload + (truncate ? "" : "\r\n--b--\r\n");
        return new ByteArrayContent(Encoding.UTF8.GetBytes(text)) { Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b") } };
    }

    private static string Short(string text) => text.Length > 200 ? text[..200] + "…" : text;

    /// <summary>Everything a refused input must not touch: cases, the audit trail, the change log, rules, calendar, photos.</summary>
    private static async Task<string> FingerprintAsync()
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT concat_ws('|',
              (SELECT md5(string_agg(id::text || version || state, ',' ORDER BY id)) FROM cases),
              (SELECT count(*) FROM case_events), (SELECT count(*) FROM changes), (SELECT count(*) FROM photos),
              (SELECT md5(string_agg(key || json, ',' ORDER BY key)) FROM settings),
              (SELECT md5(string_agg(date::text || kind || coalesce(name, ''), ',' ORDER BY date)) FROM calendar_days),
              (SELECT md5(string_agg(code || limit_value || limit_unit, ',' ORDER BY code)) FROM categories))
            """, conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
