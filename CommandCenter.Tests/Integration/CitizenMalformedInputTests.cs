using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Npgsql;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// R4 for citizen intake: wrong JSON types, NUL characters, oversized and non-finite values, bad ids and query values
/// against the 随手拍 API, Open311, the hotline and the block list. Each gets a clear 4xx in its own format (RFC 7807
/// naming the field; Open311's <c>[{code, description}]</c>), never a 5xx, and no row changes.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class CitizenMalformedInputTests(CommandCenterFactory app) : CityTest(app)
{
    private const string Nul = "\u0000";
    private static readonly string Huge = new('长', 100_000);

    [Fact]
    public async Task Malformed_citizen_reports_calls_and_queries_each_get_a_clear_refusal_and_change_no_row()
    {
        var intake = await ApiClient.SignInAsync(App, "intake");
        var (lon, lat) = await (await ApiClient.SignInAsync(App, "gridmember-44")).PointInOwnDutyGridAsync();
        var (lonText, latText) = (lon.ToString(System.Globalization.CultureInfo.InvariantCulture), lat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var before = await FingerprintAsync();

        var probes = new List<(string What, bool Open311, Func<HttpRequestMessage> Request, ApiClient? As)>();
        void Json(string what, string url, string body, ApiClient? who = null) =>
            probes.Add((what, false, () => new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") }, who));

        var bad = new Dictionary<string, string>
        {
            ["number"] = "20102", ["object"] = "{\"a\":1}", ["array"] = "[1,2]", ["nul"] = JsonSerializer.Serialize("x" + Nul + "y"),
            ["huge"] = JsonSerializer.Serialize(Huge), ["overflow"] = "1e400", ["infinity"] = "\"Infinity\"", ["nan"] = "\"NaN\"", ["string"] = "\"abc\"",
        };
        var report = new Dictionary<string, (string Good, string[] Bad)>
        {
            ["category"] = ("\"20102\"", ["number", "object", "nul", "huge"]),
            ["lon"] = (lonText, ["string", "overflow", "infinity", "nan", "object"]),
            ["lat"] = (latText, ["string", "overflow", "infinity", "nan", "array"]),
            ["description"] = ("\"楼下垃圾\"", ["number", "object", "nul", "huge"]),
            ["photoIds"] = ("[]", ["string", "number", "object"]),
            ["attributes"] = ("{\"pile_size\":[\"small\"]}", ["string", "array", "number"]),
            ["name"] = ("\"赵六\"", ["nul", "huge", "object"]),
            ["phone"] = ("\"13711112222\"", ["nul", "huge", "number"]),
            ["address"] = ("null", ["nul", "huge"]),
        };
        foreach (var (field, (_, kinds)) in report)
        {
            foreach (var kind in kinds)
            {
                var body = "{" + string.Join(",", report.Select(kv => $"\"{kv.Key}\":{(kv.Key == field ? bad[kind] : kv.Value.Good)}")) + "}";
                Json($"POST /api/public/reports {field}={kind}", "/api/public/reports", body);
            }
        }
        foreach (var kind in new[] { "nul", "number", "huge" })
        {
            // A street (a notice-board QR code) stands in for the pin only when there is no pin.
            Json($"POST /api/public/reports streetId={kind} without a pin", "/api/public/reports", $"{{\"category\":\"20102\",\"description\":\"垃圾\",\"streetId\":{bad[kind]}}}");
        }
        Json("POST /api/public/reports attribute nul", "/api/public/reports",
            $"{{\"category\":\"20102\",\"lon\":{lonText},\"lat\":{latText},\"description\":\"垃圾\",\"attributes\":{{\"pile_size\":[{bad["nul"]}]}}}}");
        foreach (var raw in new[] { "", "{", "[]", "null", "\"x\"" })
        {
            Json($"POST /api/public/reports body {raw}", "/api/public/reports", raw);
            Json($"POST satisfaction body {raw}", "/api/public/cases/202612010001/satisfaction", raw);
        }
        Json("POST satisfaction answer number", "/api/public/cases/202612010001/satisfaction", "{\"token\":\"x\",\"answer\":5}");
        Json("POST satisfaction token nul", "/api/public/cases/202612010001/satisfaction", $"{{\"token\":{bad["nul"]},\"answer\":\"satisfied\"}}");
        Json("POST satisfaction number nul", "/api/public/cases/2026%00/satisfaction", "{\"token\":\"x\",\"answer\":\"satisfied\"}");
        probes.Add(("POST /api/public/photos not multipart", false, () => new HttpRequestMessage(HttpMethod.Post, "/api/public/photos") { Content = new StringContent("x") }, null));
        probes.Add(("POST /api/public/photos html as jpeg", false, () => new HttpRequestMessage(HttpMethod.Post, "/api/public/photos")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent([0xFF, 0xD8, 0xFF, .. "<html>"u8.ToArray()]), "file", "a.jpg" } },
        }, null));
        foreach (var url in new[] { "/api/public/cases/x%00y", $"/api/public/cases/{new string('9', 5000)}", "/api/public/cases/x%00y/photo", "/api/public/cases/1?t=%00" })
        {
            probes.Add(($"GET {url[..Math.Min(url.Length, 40)]}", false, () => new HttpRequestMessage(HttpMethod.Get, url), null));
        }

        var call = new Dictionary<string, (string Good, string[] Bad)>
        {
            ["source"] = ("\"12319\"", ["nul", "number"]), ["phone"] = ("\"13900001111\"", ["nul", "huge", "number"]),
            ["nature"] = ("\"complaint\"", ["nul", "number"]), ["category"] = ("\"20102\"", ["nul", "array"]),
            ["lon"] = (lonText, ["nan", "overflow", "string"]), ["lat"] = (latText, ["infinity", "object"]),
            ["description"] = ("\"来电反映\"", ["nul", "huge", "number"]), ["attachTo"] = ("null", ["string", "number"]),
            ["name"] = ("null", ["nul", "huge"]), ["address"] = ("null", ["nul", "huge"]),
        };
        foreach (var (field, (_, kinds)) in call)
        {
            foreach (var kind in kinds)
            {
                var body = "{" + string.Join(",", call.Select(kv => $"\"{kv.Key}\":{(kv.Key == field ? bad[kind] : kv.Value.Good)}")) + "}";
                Json($"POST /api/hotline/calls {field}={kind}", "/api/hotline/calls", body, intake);
            }
        }
        foreach (var (field, kind) in new[] { ("kind", "nul"), ("kind", "number"), ("value", "nul"), ("value", "huge"), ("reason", "nul"), ("reason", "huge") })
        {
            var fields = new Dictionary<string, string> { ["kind"] = "\"phone\"", ["value"] = "\"13900001111\"", ["reason"] = "\"骚扰\"" };
            fields[field] = bad[kind];
            Json($"POST /api/intake-blocks {field}={kind}", "/api/intake-blocks", "{" + string.Join(",", fields.Select(kv => $"\"{kv.Key}\":{kv.Value}")) + "}", intake);
        }
        foreach (var url in new[] { "/api/hotline/duplicates?category=20102&lon=NaN&lat=32", "/api/hotline/duplicates?category=%00&lon=118.78&lat=32.05",
                     "/api/hotline/calls?take=abc", "/api/intake-blocks?all=maybe" })
        {
            probes.Add(($"GET {url}", false, () => new HttpRequestMessage(HttpMethod.Get, url), intake));
        }

        // Open311: a form POST with one bad value at a time, and searches with bad filters.
        var form = new Dictionary<string, string>
        {
            ["api_key"] = "demo-open311-key", ["service_code"] = "20102", ["lat"] = latText, ["long"] = lonText, ["description"] = "垃圾",
        };
        foreach (var (field, value) in new[]
                 {
                     ("lat", "NaN"), ("lat", "Infinity"), ("lat", "abc"), ("long", "1e400"), ("lat", "99"), ("description", "x" + Nul), ("description", Huge),
                     ("first_name", Nul), ("email", Huge), ("phone", "1" + Nul), ("device_id", Nul), ("attribute[pile_size]", Nul), ("service_code", Nul),
                     ("address_string", Nul), ("media_url", "javascript:alert(1)"), ("jurisdiction_id", Nul), ("api_key", Nul),
                 })
        {
            var values = new Dictionary<string, string>(form) { [field] = value };
            if (field == "address_string")
            {
                values.Remove("lat");
                values.Remove("long");
            }
            probes.Add(($"POST open311 {field}={value[..Math.Min(value.Length, 12)]}", true,
                () => new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = new FormUrlEncodedContent(values) }, null));
        }
        foreach (var query in new[]
                 {
                     "page=0", "page=abc", "page=-1", "page_size=100000", "start_date=abc", "end_date=2026-13-40", "status=maybe",
                     "start_date=2026-01-01T00:00:00Z&end_date=2026-12-31T00:00:00Z", "service_request_id=%00", $"service_request_id={string.Join(",", Enumerable.Range(0, 2000))}",
                     "jurisdiction_id=%00",
                 })
        {
            probes.Add(($"GET open311 requests?{query[..Math.Min(query.Length, 40)]}", true, () => new HttpRequestMessage(HttpMethod.Get, "/open311/v2/requests.json?" + query), null));
        }
        foreach (var url in new[] { "/open311/v2/requests/x%00y.json", "/open311/v2/tokens/x%00y.json", "/open311/v2/services/%00.json", $"/open311/v2/requests/{new string('9', 5000)}.json" })
        {
            probes.Add(($"GET {url[..Math.Min(url.Length, 40)]}", true, () => new HttpRequestMessage(HttpMethod.Get, url), null));
        }

        var failures = new List<string>();
        var address = 0;
        foreach (var (what, open311, request, who) in probes)
        {
            // Every anonymous probe speaks from its own loopback address, so the rate limiter does not answer for them.
            using var anonymous = who is null ? LoopbackClient.From(App, $"127.0.4.{1 + address++ % 250}") : null;
            using var message = request();
            message.Headers.AcceptLanguage.ParseAdd("zh-CN");
            var response = await (who?.Http ?? anonymous!).SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500)
            {
                failures.Add($"{what}: {status} {text[..Math.Min(text.Length, 200)]}");
                continue;
            }
            if (!open311 && !IsProblem(response, text, status))
            {
                failures.Add($"{what}: {status} not a problem naming the field: {text[..Math.Min(text.Length, 200)]}");
            }
            if (open311 && !IsOpen311Error(text, status))
            {
                failures.Add($"{what}: {status} not Open311 errors: {text[..Math.Min(text.Length, 200)]}");
            }
        }
        // The status page's own form gets the page back, saying the answer was not taken.
        using (var page = LoopbackClient.From(App, "127.0.4.251"))
        {
            var answered = await page.PostAsync("/api/public/cases/202612010001/satisfaction",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Nul, ["answer"] = "satisfied" }));
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.StartsWith("/s/202612010001", answered.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.Contains("rated=", answered.RequestMessage.RequestUri.Query);
            Assert.DoesNotContain("rated=thanks", answered.RequestMessage.RequestUri.Query);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {probes.Count} probes:\n" + string.Join("\n", failures));
        Assert.True(probes.Count >= 120, $"only {probes.Count} probes");
        Assert.Equal(before, await FingerprintAsync());
    }

    private static bool IsProblem(HttpResponseMessage response, string text, int status)
    {
        // Kestrel itself refuses a NUL in the path before any endpoint runs: an empty 400 is still a clear refusal of the request line.
        if (text.Length == 0 && status == 400)
        {
            return true;
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }
        var json = JsonDocument.Parse(text).RootElement;
        return status != 400 || (json.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any());
    }

    private static bool IsOpen311Error(string text, int status)
    {
        if (text.Length == 0 && status == 400)
        {
            return true;
        }
        var json = JsonDocument.Parse(text).RootElement;
        return json.ValueKind == JsonValueKind.Array && json.GetArrayLength() > 0
            && json.EnumerateArray().All(e => e.GetProperty("code").GetInt32() == status && e.GetProperty("description").GetString() is { Length: > 0 });
    }

    private static async Task<string> FingerprintAsync()
    {
        await using var conn = new NpgsqlConnection(TestDatabase.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT concat_ws('|',
              (SELECT count(*) FROM cases), (SELECT count(*) FROM case_events), (SELECT count(*) FROM citizen_reports),
              (SELECT count(*) FROM intake_blocks), (SELECT count(*) FROM photos), (SELECT count(*) FROM changes))
            """, conn);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
