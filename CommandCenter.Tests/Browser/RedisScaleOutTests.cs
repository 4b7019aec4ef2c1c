using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Browser;

/// <summary>
/// Two nodes on one database behind a Redis backplane: an action through node A reaches a hub client and an open
/// wall of node B exactly once (one node pushes, not both); when node A dies, node B takes over the pushing without a
/// gap, and node A's clients reconnect to node B and catch up with nothing missed.
/// </summary>
[Collection(CityCollection.Name)]
public sealed class RedisScaleOutTests(CommandCenterFactory app, ITestOutputHelper output) : BrowserTest(app)
{
    [Fact]
    public async Task An_action_on_node_A_reaches_node_B_once_and_after_A_dies_its_clients_catch_up_on_B_with_nothing_missed()
    {
        App.StartServer(); // migrates and seeds the shared database
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Redis__Configuration"] = redis.Configuration, ["Redis__ChannelPrefix"] = $"cc-test-{Guid.NewGuid():N}",
        };
        await using var a = new AppProcess(settings);
        await a.StartAsync();
        await HubModeAsync(a, "publishing");
        await using var b = new AppProcess(settings, keysFrom: a);
        await b.StartAsync();
        Assert.Equal("standby", await HubModeAsync(b, "standby"));

        // A leader's hub client on each node, and the wall open on node B.
        var onB = new ConcurrentQueue<JsonElement>();
        var onA = new ConcurrentQueue<JsonElement>();
        var watcherB = await ApiClient.SignInAsync(b.Address, "leader");
        var watcherA = await ApiClient.SignInAsync(a.Address, "leader");
        await using var hubB = watcherB.Hub(b.Address, onB);
        await hubB.StartJoinedAsync();
        var hubA = watcherA.Hub(a.Address, onA);
        await hubA.StartJoinedAsync();
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var wall = await SignInAsync(context, "leader", "/wall", b.Address);
        await WaitForLiveMapAsync(wall, 60_000);
        var start = (await watcherB.Http.GetFromJsonAsync<JsonElement>("/api/events/latest")).GetProperty("seq").GetInt64();

        // A grid member reports through node A.
        var member = await ApiClient.SignInAsync(a.Address, "gridmember-21");
        var (lon, lat) = await member.PointInOwnDutyGridAsync();
        var first = await NumberOfAsync(await member.ReportAsync(lon, lat, description: "双节点: 暴露垃圾"));
        await Eventually.HoldsAsync(() => Task.FromResult(Numbers(onB)), n => n.Contains(first), "node B's hub client hearing node A's report");
        await WallShowsAsync(wall, first);
        await Task.Delay(1000);
        Assert.Equal(1, Numbers(onB).Count(n => n == first)); // once, not once per node
        Assert.Equal(1, Numbers(onA).Count(n => n == first));

        // Node A dies. Node B takes over the pushing; cases reported through B meanwhile reach B's clients all the same.
        var seenOnA = onA.Max(m => m.GetProperty("seq").GetInt64());
        var killedAt = Stopwatch.StartNew();
        await a.KillAsync();
        var clerk = await ApiClient.SignInAsync(b.Address, "intake");
        var duringTakeover = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            duringTakeover.Add(await NumberOfAsync(await clerk.Http.PostAsJsonAsync("/api/cases",
                new { lon, lat = lat + 0.0001 * i, category = "20102", description = $"接管期间来电 {i}", source = "12319" })));
        }
        await HubModeAsync(b, "publishing");
        var takeover = killedAt.Elapsed;

        // Node A's client reconnects to node B (as the proxy would send it) and catches up from its last sequence number.
        await hubA.DisposeAsync();
        var reconnected = new ConcurrentQueue<JsonElement>();
        await using var hubAonB = watcherA.Hub(b.Address, reconnected);
        await hubAonB.StartJoinedAsync();
        var caughtUp = await watcherA.Http.GetFromJsonAsync<JsonElement[]>(new Uri(b.Address, $"/api/events?after={seenOnA}"));
        var last = await NumberOfAsync(await clerk.Http.PostAsJsonAsync("/api/cases",
            new { lon, lat, category = "20102", description = "接管之后来电", source = "12319" }));

        var all = await Eventually.HoldsAsync(async () => await watcherB.Http.GetFromJsonAsync<JsonElement[]>($"/api/events?after={start}"),
            e => e!.Any(x => x.GetProperty("number").GetString() == last), "the last event in node B's log");
        var expected = all!.Select(e => e.GetProperty("seq").GetInt64()).ToHashSet();
        await Eventually.HoldsAsync(() => Task.FromResult(Seqs(onB)), s => expected.IsSubsetOf(s), "node B's client having every event", seconds: 20);
        var seenByA = Seqs(onA).Concat(caughtUp!.Select(e => e.GetProperty("seq").GetInt64())).ToHashSet();
        await Eventually.HoldsAsync(() => Task.FromResult(seenByA.Concat(Seqs(reconnected)).ToHashSet()), s => expected.IsSubsetOf(s),
            "node A's client having every event after reconnecting to B", seconds: 20);
        foreach (var number in duringTakeover.Append(last))
        {
            await WallShowsAsync(wall, number);
        }

        var missedB = expected.Count(s => !Seqs(onB).Contains(s));
        var duplicatesB = onB.Count(m => m.GetProperty("seq").GetInt64() > start) - Seqs(onB).Count(s => s > start);
        Figures.Report(output, "scale-out", $"2 nodes + Redis: {expected.Count} events; node B's hub client missed {missedB}, heard {duplicatesB} again after the takeover " +
            $"(dropped by sequence number); node A's client caught up {caughtUp!.Length} events on B; B took over pushing {takeover.TotalSeconds:0.0} s after A was killed");
        Assert.Equal(0, missedB);
    }

    private static HashSet<long> Seqs(IEnumerable<JsonElement> messages) => messages.Select(m => m.GetProperty("seq").GetInt64()).ToHashSet();

    private static List<string> Numbers(IEnumerable<JsonElement> messages) => messages.Select(m => m.GetProperty("number").GetString()!).ToList();

    private static async Task<string> NumberOfAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"report: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("number").GetString()!;
    }

    private static async Task<string> HubModeAsync(AppProcess node, string wanted)
    {
        using var http = new HttpClient { BaseAddress = node.Address };
        var health = await Eventually.HoldsAsync(async () => await http.GetFromJsonAsync<JsonElement>("/health"),
            h => h.GetProperty("hub").GetString() == wanted, $"{node.Address} hub mode {wanted}", seconds: 20);
        return health.GetProperty("hub").GetString()!;
    }

    private static Task WallShowsAsync(IPage wall, string number) =>
        wall.WaitForFunctionAsync("n => { const m = document.querySelector('[data-testid=city-map]').ccMap; return !!(m && m.caseByNumber(n)); }", number,
            new PageWaitForFunctionOptions { Timeout = 20_000, PollingInterval = 200 });
}
