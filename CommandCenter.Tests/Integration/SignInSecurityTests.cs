using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommandCenter.Tests.Support;
using CommandCenter.Web.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Integration;

/// <summary>
/// Sign-in as an attacker would try it: hostile return addresses, forged form posts, stolen cookies and tokens after
/// sign-out, password guessing (lockout and throttling), telling accounts apart by answer or timing; and the response
/// headers and append-only audit tables that back them.
/// </summary>
[Collection(CityCollection.Name)]
public sealed partial class SignInSecurityTests(CommandCenterFactory app, ITestOutputHelper output) : CityTest(app)
{
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\0evil")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("//evil.example")]
    public async Task Return_addresses_with_control_characters_never_fail_and_never_leave_the_site(string returnUrl)
    {
        using var browser = Browser();
        var login = await browser.GetAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var html = await login.Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil", html, StringComparison.Ordinal);

        var signIn = await PostFormAsync(browser, "/account/signin", html, new() { ["username"] = "leader", ["password"] = ApiClient.Password, ["returnUrl"] = returnUrl });
        // Signed in and sent home — or, for a NUL in a form field, which the form reader refuses, a plain 400; never a 500.
        Assert.True(signIn.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{(int)signIn.StatusCode}");
        if (signIn.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        }

        var culture = await browser.GetAsync($"/culture/en?redirectUri={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Equal("/", culture.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_form_posted_without_its_antiforgery_token_is_refused()
    {
        using var browser = Browser();
        var forged = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "leader", ["password"] = ApiClient.Password, ["returnUrl"] = "/",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Cookies", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_works_after_it()
    {
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);
        var login = await (await browser.GetAsync("/account/login")).Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(browser, "/account/signin", login,
            new() { ["username"] = "dispatcher", ["password"] = ApiClient.Password, ["returnUrl"] = "/cases" })).StatusCode);
        var stolen = cookies.GetCookieHeader(App.ServerAddress);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(stolen).GetAsync("/api/me")).StatusCode);

        // The sign-out button's form, as the page renders it (with the signed-in user's antiforgery token).
        var page = await (await browser.GetAsync("/cases")).Content.ReadAsStringAsync();
        var signOut = await PostFormAsync(browser, "/account/logout", page, []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(stolen).GetAsync("/api/me")).StatusCode);
        var pageAfter = await WithCookie(stolen).GetAsync("/cases");
        Assert.Equal(HttpStatusCode.Redirect, pageAfter.StatusCode);
        Assert.Contains("/account/login", pageAfter.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_renews_its_token_with_the_refresh_token_and_both_stop_after_sign_out()
    {
        using var http = App.CreateClient();
        var tokens = await (await http.PostAsJsonAsync("/api/auth/token", new { username = "intake", password = ApiClient.Password })).Content.ReadFromJsonAsync<JsonElement>();
        var access = tokens.GetProperty("accessToken").GetString()!;
        var refresh = tokens.GetProperty("refreshToken").GetString()!;
        Assert.Equal(43200, tokens.GetProperty("expiresIn").GetInt32()); // 12 h

        var renewed = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var newAccess = (await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Bearer(newAccess).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "garbage" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = access })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Bearer(access).PostAsync("/api/auth/signout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(access).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(newAccess).GetAsync("/api/me")).StatusCode);
        var afterSignOut = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, afterSignOut.StatusCode);
        Assert.Equal("application/problem+json", afterSignOut.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_for_a_while_and_the_answer_never_tells_whether_it_exists()
    {
        await WithAccountAsync("locktest", async () =>
        {
            using var http = FromAddress("127.0.0.21");
            async Task<(HttpStatusCode Status, string Code, string Detail)> TryAsync(string user, string password)
            {
                var response = await http.PostAsJsonAsync("/api/auth/token", new { username = user, password });
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (response.StatusCode, "", "");
                }
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                return (response.StatusCode, body.GetProperty("code").GetString()!, body.GetProperty("detail").GetString()!);
            }

            var unknown = await TryAsync("nobody-here", "Wrong#1");
            var wrong = await TryAsync("locktest", "Wrong#1");
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
            Assert.Equal(unknown, wrong); // the same answer, word for word
            for (var i = 0; i < 4; i++)
            {
                await TryAsync("locktest", "Wrong#" + i);
            }
            Assert.Equal(wrong, await TryAsync("locktest", ApiClient.Password)); // locked: even the right password is refused, alike
            App.Time.Advance(TimeSpan.FromMinutes(16));
            Assert.Equal(HttpStatusCode.OK, (await TryAsync("locktest", ApiClient.Password)).Status);
        });
    }

    [Fact]
    public async Task A_wrong_password_for_a_known_account_costs_as_long_as_one_for_an_unknown_name()
    {
        await WithAccountAsync("timingtest", async () =>
        {
            using var http = FromAddress("127.0.0.22");
            async Task<double> MedianAsync(string user)
            {
                var times = new List<double>();
                for (var i = 0; i < 15; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var response = await http.PostAsJsonAsync("/api/auth/token", new { username = user, password = "Wrong#" + i });
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                }
                return times.Order().ElementAt(times.Count / 2);
            }
            await MedianAsync("warm-up");
            var known = await MedianAsync("timingtest");
            var unknown = await MedianAsync("nobody-at-all");
            Figures.Report(output, "sign-in-timing", $"wrong password, median of 15: known account {known:0.0} ms, unknown name {unknown:0.0} ms");
            // Both pay one password hash (tens of ms); without the stand-in hash the unknown name took a few ms.
            Assert.InRange(unknown / known, 0.5, 2.0);
        });
    }

    [Fact]
    public async Task Guessing_passwords_fast_from_one_address_is_throttled_with_429_and_retry_after()
    {
        using var http = FromAddress("127.0.0.23");
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 80; i++)
        {
            statuses.Add(await http.PostAsJsonAsync("/api/auth/token", new { username = "guess-" + i, password = "x" }));
        }
        var throttled = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Figures.Report(output, "sign-in-throttle", $"80 sign-ins in a row from one address: {statuses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized)} × 401, {throttled.Count} × 429");
        Assert.NotEmpty(throttled);
        Assert.All(throttled, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Equal("application/problem+json", throttled[0].Content.Headers.ContentType?.MediaType);
        // Another address is not held up by it.
        using var other = FromAddress("127.0.0.24");
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/api/auth/token", new { username = "leader", password = ApiClient.Password })).StatusCode);
    }

    [Fact]
    public async Task Pages_and_apis_carry_the_security_headers()
    {
        using var http = Browser();
        foreach (var path in new[] { "/", "/account/login", "/api/grids" })
        {
            var response = await http.GetAsync(path);
            var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("worker-src 'self' blob:", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.False(response.Headers.Contains("Strict-Transport-Security")); // plain HTTP: HSTS only behind TLS
        }
    }

    [Theory]
    [InlineData("UPDATE case_events SET note = 'edited'")]
    [InlineData("DELETE FROM case_events")]
    [InlineData("UPDATE changes SET actor = 'someone else'")]
    [InlineData("DELETE FROM changes")]
    public async Task The_audit_tables_refuse_updates_and_deletes_in_the_database_itself(string sql)
    {
        // A row in each log first, so the statement has something to refuse.
        var member = await ApiClient.SignInAsync(App, "gridmember");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        Assert.Equal(HttpStatusCode.Created, (await member.ReportAsync(lon, lat, description: "审计测试")).StatusCode);
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using (var seed = new NpgsqlCommand("INSERT INTO changes (topic, entity_id, action, actor, at) VALUES ('test', 'audit', 'created', 'test', now())", connection))
        {
            await seed.ExecuteNonQueryAsync();
        }
        await using var cmd = new NpgsqlCommand(sql, connection);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
    }

    // ---- helpers ----

    private HttpClient Browser(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true }) { BaseAddress = App.ServerAddress };

    private HttpClient WithCookie(string cookie)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = App.ServerAddress };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    private HttpClient Bearer(string token)
    {
        var http = new HttpClient { BaseAddress = App.ServerAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>A client whose requests come from another loopback address, so the per-address sign-in limit is its own.</summary>
    private HttpClient FromAddress(string address) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = App.ServerAddress };

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string path, string pageWithForm, Dictionary<string, string> fields)
    {
        var token = AntiforgeryInput().Match(pageWithForm);
        Assert.True(token.Success, "no antiforgery token on the page");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    /// <summary>An account of the test's own (password Demo#2026), so locking it disturbs no other test.</summary>
    private static async Task WithAccountAsync(string userName, Func<Task> test)
    {
        var row = new UserAccountRow { UserName = userName, DisplayName = userName, PasswordHash = "", Roles = ["intake"] };
        var hash = new PasswordHasher<UserAccountRow>().HashPassword(row, ApiClient.Password);
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO users (user_name, display_name, password_hash, roles, failed_sign_ins) VALUES (@u, @u, @h, ARRAY['intake'], 0)", connection))
        {
            insert.Parameters.AddWithValue("u", userName);
            insert.Parameters.AddWithValue("h", hash);
            await insert.ExecuteNonQueryAsync();
        }
        try
        {
            await test();
        }
        finally
        {
            await using var delete = new NpgsqlCommand("DELETE FROM users WHERE user_name = @u", connection);
            delete.Parameters.AddWithValue("u", userName);
            await delete.ExecuteNonQueryAsync();
        }
    }
}
