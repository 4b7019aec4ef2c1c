using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Bench;

/// <summary>
/// P1 push: a case reported over HTTP until N SignalR clients of <c>/hubs/ops</c> have its <c>caseChanged</c> (N = 100,
/// 1,000), p50/p99 over every client and action, against a bare SignalR hub (<see cref="BareHub"/>, its own process)
/// broadcasting the same payload to the same number of clients, posted the same way. Also the server's memory per
/// connected client. Goal: p99 ≤ 100 ms at 1,000 and ≤ 1.5× bare.
/// </summary>
public sealed class PushBench : IMeasure
{
    public string Id => "P1";

    public string Title => "push: case action → N hub clients";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken ct)
    {
        var app = await context.DemoAppAsync(ct);
        var actions = context.Options.Quick ? 6 : 25;
        var leader = await BenchContext.TokenAsync(app.BaseUri, "leader", ct);
        var intake = await BenchContext.TokenAsync(app.BaseUri, "intake", ct);
        using var http = BenchContext.Client(app.BaseUri, intake);
        var points = await CityPoints.InsideGridsAsync(context.Options.ConnectionString, 500, ct);
        using var bare = await BareHubProcess.StartAsync(context.Options, ct);
        using var bareHttp = new HttpClient { BaseAddress = bare.BaseUri };
        var results = new List<MeasureResult>();
        JsonElement? sample = null;
        var random = new Random(7);
        foreach (var n in new[] { 100, 1000 })
        {
            // The app first, then the bare hub, each with n fresh connections.
            var before = app.ResidentBytes();
            var appClients = await ConnectAsync(app.BaseUri, leader, n, ct);
            await Task.Delay(2000, ct);
            var perClient = (app.ResidentBytes() - before) / (double)n;
            var appLatencies = new List<double>();
            // Two unmeasured actions first (JIT and first sends on fresh connections), for the app and the bare hub alike.
            for (var i = -2; i < actions; i++)
            {
                var p = points[random.Next(points.Count)];
                var (ms, message) = await appClients.MeasureAsync(async () =>
                {
                    using var response = await http.PostAsJsonAsync("api/cases", new
                    {
                        lon = p.Lon, lat = p.Lat, category = "20102", source = "12345", description = "基准测试: 推送延迟 (CommandCenter.Bench)",
                    }, ct);
                    response.EnsureSuccessStatusCode();
                    return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("number").GetString()!;
                }, ct);
                if (i >= 0) appLatencies.AddRange(ms);
                sample ??= message;
                await Task.Delay(150, ct);
            }
            await appClients.DisposeAsync();

            var bareClients = await ConnectAsync(bare.BaseUri, null, n, ct);
            var bareLatencies = new List<double>();
            for (var i = -2; i < actions; i++)
            {
                var number = $"B{n}-{i}";
                var payload = WithNumber(sample!.Value, number);
                var (ms, _) = await bareClients.MeasureAsync(async () =>
                {
                    using var response = await bareHttp.PostAsync("broadcast", new StringContent(payload, System.Text.Encoding.UTF8, "application/json"), ct);
                    response.EnsureSuccessStatusCode();
                    return number;
                }, ct);
                if (i >= 0) bareLatencies.AddRange(ms);
                await Task.Delay(150, ct);
            }
            await bareClients.DisposeAsync();

            var p99 = Percentile.Of(appLatencies, 99);
            var bareP99 = Percentile.Of(bareLatencies, 99);
            var ratio = p99 / bareP99;
            var figures = new Dictionary<string, double>
            {
                ["clients"] = n, ["p50 ms"] = Percentile.Of(appLatencies, 50), ["p99 ms"] = p99, ["samples"] = appLatencies.Count,
                ["KB per client"] = Math.Round(perClient / 1024, 1),
            };
            var anchor = new Dictionary<string, double> { ["p50 ms"] = Percentile.Of(bareLatencies, 50), ["p99 ms"] = bareP99, ["samples"] = bareLatencies.Count };
            var goal = n == 1000 ? "p99 ≤ 100 ms and ≤ 1.5× bare" : "≤ 1.5× bare";
            var met = ratio <= 1.5 && (n != 1000 || p99 <= 100);
            results.Add(new MeasureResult(n == 1000 ? "P1" : "P1@100", $"push to {n} hub clients", figures, anchor, ratio, "p99 / bare p99", goal, met));
        }
        return results;
    }

    private static string WithNumber(JsonElement message, string number)
    {
        var dict = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(message.GetRawText())!;
        dict["number"] = JsonSerializer.SerializeToElement(number);
        return JsonSerializer.Serialize(dict);
    }

    private static async Task<ClientSet> ConnectAsync(Uri server, string? token, int n, CancellationToken ct)
    {
        var set = new ClientSet(n);
        var pending = new List<Task>();
        for (var i = 0; i < n; i++)
        {
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(server, "hubs/ops"), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                })
                .Build();
            // 1,000 handshakes on a loaded 2-core machine can take longer than the client's default 15 s.
            hub.HandshakeTimeout = TimeSpan.FromSeconds(60);
            hub.On<JsonElement>("caseChanged", set.Received);
            set.Connections.Add(hub);
            pending.Add(hub.StartAsync(ct));
            if (pending.Count == 50)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }
        await Task.WhenAll(pending);
        return set;
    }

    /// <summary>N connections and, per case number, when each of them heard of it.</summary>
    private sealed class ClientSet(int n) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, Receipts> _byNumber = new(StringComparer.Ordinal);

        public List<HubConnection> Connections { get; } = [];

        public void Received(JsonElement message)
        {
            var at = Stopwatch.GetTimestamp();
            if (message.TryGetProperty("number", out var v) && v.GetString() is { } number)
            {
                _byNumber.GetOrAdd(number, _ => new Receipts()).Add(at, message, n);
            }
        }

        /// <summary>Runs the action (which returns the number the message carries) and waits for every client to hear of it.</summary>
        public async Task<(IReadOnlyList<double> Ms, JsonElement Message)> MeasureAsync(Func<Task<string>> act, CancellationToken ct)
        {
            var started = Stopwatch.GetTimestamp();
            // The push may come before the answer: receipts are kept by number and matched afterwards.
            var number = await act();
            var receipts = _byNumber.GetOrAdd(number, _ => new Receipts());
            var message = await receipts.All.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            _byNumber.TryRemove(number, out _);
            return (receipts.Times.Select(t => Stopwatch.GetElapsedTime(started, t).TotalMilliseconds).ToList(), message);
        }

        public async ValueTask DisposeAsync()
        {
            await Task.WhenAll(Connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private sealed class Receipts
    {
        private int _count;

        public ConcurrentBag<long> Times { get; } = [];

        public TaskCompletionSource<JsonElement> All { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Add(long at, JsonElement message, int expected)
        {
            Times.Add(at);
            if (Interlocked.Increment(ref _count) == expected)
            {
                All.TrySetResult(message.Clone());
            }
        }
    }
}
