using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Faults;

/// <summary>
/// R5: every workflow action (<see cref="CaseWorkflow.Table"/>) tried by every role, in and out of its scope, on a case
/// in a state the action starts from: the roles the table names succeed, everyone else is refused — 404 for those who
/// may not even read the case, 403 for the rest — and a refusal changes nothing. Anonymous callers reach only the
/// public pages and APIs.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class AuthorisationMatrixTests(CommandCenterFactory app, ITestOutputHelper output) : CityTest(app)
{
    // One demo user per role, and a handler and a grid member outside the case's department and duty grid.
    private static readonly string[] Users = ["intake", "shiftlead", "dispatcher", "handler", "handler-water", "gridmember", "gridmember-2", "roaddirector", "leader", "admin"];

    private readonly Dictionary<string, ApiClient> _clients = [];
    private (double Lon, double Lat) _point;

    [Fact]
    public async Task Each_role_may_take_exactly_the_actions_the_workflow_table_gives_it_within_its_scope()
    {
        foreach (var user in Users)
        {
            _clients[user] = await ApiClient.SignInAsync(App, user);
        }
        _point = await _clients["gridmember"].PointInOwnDutyGridAsync();
        var attempts = 0;
        var allowed = 0;
        var forbidden = 0;
        var hidden = 0;
        var unauthorisedSuccesses = new List<string>();
        var wrongRefusals = new List<string>();
        var refusedButAllowed = new List<string>();

        foreach (var t in CaseWorkflow.Table.Where(t => t.Action != CaseAction.Report))
        {
            var from = PickFrom(t);
            var slug = t.Action.Slug();
            var authorised = Users.Where(u => MayAct(t, u)).ToList();
            var first = await PrepareAsync(t, from);
            var version = await VersionAsync(first);
            foreach (var user in Users.Except(authorised))
            {
                attempts++;
                var status = (int)(await _clients[user].ActAsync(first, slug, await BodyAsync(t, first))).StatusCode;
                var expected = MayRead(user) ? 403 : 404;
                if (status == 200) unauthorisedSuccesses.Add($"{user} {slug}");
                else if (status != expected) wrongRefusals.Add($"{user} {slug} from {from.Slug()}: {status}, expected {expected}");
                if (status == 403) forbidden++;
                if (status == 404) hidden++;
            }
            Assert.Equal(version, await VersionAsync(first)); // refusals changed nothing
            for (var i = 0; i < authorised.Count; i++)
            {
                attempts++;
                var id = i == 0 ? first : await PrepareAsync(t, from);
                var response = await _clients[authorised[i]].ActAsync(id, slug, await BodyAsync(t, id));
                if (response.StatusCode == HttpStatusCode.OK) allowed++;
                else refusedButAllowed.Add($"{authorised[i]} {slug} from {from.Slug()}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Figures.Report(output, "R5", $"{attempts} role × action × scope attempts over {CaseWorkflow.Table.Count - 1} actions and {Users.Length} users: " +
            $"{allowed} allowed and applied, {forbidden} × 403, {hidden} × 404 (out of scope), {unauthorisedSuccesses.Count} unauthorised successes, " +
            $"{refusedButAllowed.Count} refusals of allowed actions");
        Assert.Empty(unauthorisedSuccesses);
        Assert.Empty(wrongRefusals);
        Assert.Empty(refusedButAllowed);
    }

    [Fact]
    public async Task Anonymous_callers_reach_only_the_public_pages_and_apis()
    {
        // The public surface: the home map and its layers (vendor zones with their hours are public, as on /api/layers/zones),
        // the city's extent the home map needs before drawing (/api/map/city), place look-up, health, sign-in and the language switch.
        string[] publicPatterns =
        [
            "/", "/account/login", "/account/signin", "/api/auth/token", "/api/auth/refresh", "/health", "/api/grids", "/api/layers/{name}",
            "/api/lookup", "/api/map/zones", "/api/map/city", "/culture/{culture}", "/not-found", "/Error", "/account/logout",
            // Citizens: the 随手拍 form, a case's public status page and the API both use (Open311 paths carry a format suffix
            // and are checked by the Open311 tests).
            "/report", "/s/{Number}",
        ];
        static bool IsPublic(string[] patterns, string pattern) => patterns.Contains(pattern) || pattern.StartsWith("/api/public/", StringComparison.Ordinal);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.ServerAddress };
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Static assets (patterns without a leading slash, served by MapStaticAssets) are public by nature.
            .Where(e => e.RoutePattern.RawText is { } p && p.StartsWith('/') && !p.StartsWith("/_", StringComparison.Ordinal) && !p.Contains('.', StringComparison.Ordinal) && !p.Contains("{**", StringComparison.Ordinal)
                && !p.StartsWith("/hubs", StringComparison.Ordinal) || e.RoutePattern.RawText == "/hubs/ops/negotiate")
            .ToList();
        var reached = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText!;
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST" or "PUT" or "DELETE"))
            {
                var path = Fill(pattern);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET")
                {
                    request.Content = JsonContent.Create(new { });
                }
                using var response = await anonymous.SendAsync(request);
                checkedCount++;
                var toLogin = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true;
                var refused = response.StatusCode is HttpStatusCode.Unauthorized || toLogin;
                if (!refused && !IsPublic(publicPatterns, pattern))
                {
                    reached.Add($"{method} {pattern} → {(int)response.StatusCode}");
                }
            }
        }
        Figures.Report(output, "R5-anonymous", $"{checkedCount} endpoint × method pairs tried without signing in: {reached.Count} non-public ones answered");
        Assert.True(checkedCount > 30, $"only {checkedCount} endpoints found");
        Assert.Empty(reached);
    }

    private static string Fill(string pattern) => System.Text.RegularExpressions.Regex.Replace(pattern, "\\{([^}:]+)[^}]*\\}", m => m.Groups[1].Value.ToLowerInvariant() switch
    {
        "id" => Guid.NewGuid().ToString(),
        "action" => "accept",
        "name" => "grids",
        "culture" => "en",
        "code" => "20102",
        "date" => "2026-12-01",
        "year" => "2026",
        "month" => "12",
        _ => m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "x",
    });

    private static bool MayRead(string user) => user is not ("handler-water" or "gridmember-2");

    private static Role RoleOf(string user) => user switch
    {
        "intake" => Role.Intake, "shiftlead" => Role.ShiftLead, "dispatcher" => Role.Dispatcher, "handler" or "handler-water" => Role.Handler,
        "gridmember" or "gridmember-2" => Role.GridMember, "roaddirector" => Role.RoadDirector, "leader" => Role.Leader, _ => Role.Admin,
    };

    /// <summary>The table's answer: the role is named, and a handler or grid member acts in their own department or duty grid.</summary>
    private static bool MayAct(CaseWorkflow.Transition t, string user) => t.Roles.Contains(RoleOf(user)) && MayRead(user);

    private static readonly CaseState[] Reachable =
    [
        CaseState.Dispatched, CaseState.Reported, CaseState.Verifying, CaseState.PendingFiling, CaseState.Filed, CaseState.Returned,
        CaseState.ShelveRequested, CaseState.Shelved, CaseState.Handled, CaseState.Checking, CaseState.PendingClose, CaseState.SelfHandled,
    ];

    private static CaseState PickFrom(CaseWorkflow.Transition t) => Reachable.First(t.From.Contains);

    /// <summary>A fresh case of the garbage category (市容环卫) in gridmember's duty grid, walked to <paramref name="state"/> by the desks.</summary>
    private async Task<Guid> PrepareAsync(CaseWorkflow.Transition t, CaseState state)
    {
        var c = _clients;
        var viaHotline = state == CaseState.Verifying;
        var response = viaHotline
            ? await c["intake"].Http.PostAsJsonAsync("/api/cases", new { lon = _point.Lon, lat = _point.Lat, category = "20102", description = "权限矩阵: 来电", source = "12319" })
            : await c["gridmember"].ReportAsync(_point.Lon, _point.Lat, description: "权限矩阵: 暴露垃圾");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task Step(string user, string action, object? body = null) => await c[user].ActOkAsync(id, action, body);
        async Task<Guid[]> Photos(string user, int n = 1) { var ids = new Guid[n]; for (var i = 0; i < n; i++) ids[i] = await c[user].UploadPhotoAsync(); return ids; }

        if (state == CaseState.SelfHandled)
        {
            await Step("gridmember", "self-handle", new { note = "当场处置", photoIds = await Photos("gridmember", 2) });
        }
        else if (state != CaseState.Reported)
        {
            await Step("intake", "accept");
            if (state is not (CaseState.Verifying or CaseState.PendingFiling))
            {
                await Step("shiftlead", "file");
                if (state != CaseState.Filed)
                {
                    await Step("dispatcher", "dispatch", new { department = "sanitation" });
                    switch (state)
                    {
                        case CaseState.Returned: await Step("handler", "return", new { note = "非本部门" }); break;
                        case CaseState.ShelveRequested: await Step("handler", "request-shelve", new { note = "需协调" }); break;
                        case CaseState.Shelved: await Step("handler", "request-shelve", new { note = "需协调" }); await Step("dispatcher", "approve-shelve"); break;
                        case CaseState.Handled or CaseState.Checking or CaseState.PendingClose:
                            await Step("handler", "handle", new { photoIds = await Photos("handler") });
                            if (state != CaseState.Handled) await Step("intake", "send-check");
                            if (state == CaseState.PendingClose) await Step("gridmember", "check-pass", new { photoIds = await Photos("gridmember") });
                            break;
                    }
                }
            }
        }
        // What the action waits on: a pending request to decide.
        var needs = t.Needs;
        if (needs.HasFlag(CaseWorkflow.Needs.PendingExtension))
        {
            await Step("handler", "request-extension", new { note = "需延期", extension = 1 });
        }
        if (needs.HasFlag(CaseWorkflow.Needs.PendingVoid))
        {
            await Step("intake", "request-void", new { note = "重复上报" });
        }
        return id;
    }

    private async Task<object> BodyAsync(CaseWorkflow.Transition t, Guid id)
    {
        var needs = t.Needs;
        var photos = needs.HasFlag(CaseWorkflow.Needs.TwoPhotos) ? 2 : needs.HasFlag(CaseWorkflow.Needs.Photo) || needs.HasFlag(CaseWorkflow.Needs.PhotoFromField) ? 1 : 0;
        var photoIds = new List<Guid>();
        for (var i = 0; i < photos; i++)
        {
            photoIds.Add(await _clients["intake"].UploadPhotoAsync());
        }
        Guid? master = null;
        if (needs.HasFlag(CaseWorkflow.Needs.Master))
        {
            var response = await _clients["gridmember"].ReportAsync(_point.Lon, _point.Lat, description: "权限矩阵: 主案件");
            master = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        return new
        {
            note = "权限矩阵", photoIds,
            department = needs.HasFlag(CaseWorkflow.Needs.OtherDepartment) ? "water" : needs.HasFlag(CaseWorkflow.Needs.Department) ? "sanitation" : null,
            reason = needs.HasFlag(CaseWorkflow.Needs.Reason) ? "outside-jurisdiction" : null,
            masterCaseId = master,
            extension = needs.HasFlag(CaseWorkflow.Needs.Extension) ? 1.0 : (double?)null,
            resolution = needs.HasFlag(CaseWorkflow.Needs.Resolution) ? Resolutions721.Slugs[0] : null,
        };
    }

    private async Task<int> VersionAsync(Guid id) => (await _clients["leader"].CaseAsync(id)).GetProperty("case").GetProperty("version").GetInt32();
}
