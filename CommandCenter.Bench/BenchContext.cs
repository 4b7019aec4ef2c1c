using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;

namespace CommandCenter.Bench;

/// <summary>
/// What measures share: the options, the app on the demo city (<c>commandcenter_bench</c>) and on the 20,000-grid city
/// (<c>commandcenter_scale</c>, started with <c>Database__Name</c>), each started on first use, headless Chromium, and sign-in.
/// </summary>
public sealed class BenchContext(BenchOptions options) : IAsyncDisposable
{
    public const string Password = "Demo#2026";
    private AppProcess? _demo;
    private AppProcess? _scale;
    private AppProcess? _year;
    private YearHistory? _history;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BenchOptions Options { get; } = options;

    public static void Log(string message) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The app on the demo city's benchmark database.</summary>
    public async Task<AppProcess> DemoAppAsync(CancellationToken ct)
    {
        if (_demo is null)
        {
            var log = Path.Combine(Options.Artifacts, "bench-app.log");
            Log($"starting CommandCenter.Web (Release) on {new NpgsqlConnectionStringBuilder(Options.ConnectionString).Database}; log in {log}");
            _demo = await AppProcess.StartAsync(Options, log, ct);
            var settled = await _demo.SettleAsync(TimeSpan.FromSeconds(60), ct);
            Log(Invariant($"app healthy at {_demo.BaseUri}, idle after {settled.TotalSeconds:0.0} s"));
        }
        return _demo;
    }

    /// <summary>Stops the demo app (e.g. before a bulk load) so the next use starts it afresh.</summary>
    public void StopDemoApp()
    {
        _demo?.Dispose();
        _demo = null;
    }

    /// <summary>The app on the city-scale database: the same connection string, its database named by <c>Database__Name</c>.</summary>
    public async Task<AppProcess> ScaleAppAsync(CancellationToken ct)
    {
        if (_scale is null)
        {
            var log = Path.Combine(Options.Artifacts, "bench-scale-app.log");
            Log($"starting CommandCenter.Web (Release) with Database__Name={Options.ScaleDatabase}; log in {log}");
            _scale = await AppProcess.StartAsync(Options, Options.ConnectionString,
                new Dictionary<string, string> { ["Database__Name"] = Options.ScaleDatabase, ["Database__CityDataPath"] = Options.ScaleCityPath }, log, ct);
            var settled = await _scale.SettleAsync(TimeSpan.FromSeconds(60), ct);
            Log(Invariant($"scale app healthy at {_scale.BaseUri}, idle after {settled.TotalSeconds:0.0} s"));
        }
        return _scale;
    }

    /// <summary>The app on the generated year (loaded first if missing, see <see cref="YearHistory"/>), and what that year holds.</summary>
    public async Task<(AppProcess App, YearHistory History)> YearAppAsync(CancellationToken ct)
    {
        _history ??= await YearHistory.EnsureAsync(Options, ct);
        if (_year is null)
        {
            var log = Path.Combine(Options.Artifacts, "bench-year-app.log");
            Log($"starting CommandCenter.Web (Release) on {_history.Database}; log in {log}");
            _year = await AppProcess.StartAsync(Options, _history.ConnectionString, new Dictionary<string, string>(), log, ct);
            Log($"year app healthy at {_year.BaseUri}");
        }
        return (_year, _history);
    }

    public async Task<IBrowser> BrowserAsync()
    {
        _playwright ??= await Playwright.CreateAsync();
        return _browser ??= await ChromiumLauncher.LaunchAsync(_playwright);
    }

    public static async Task<string> TokenAsync(Uri baseUri, string user, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseUri };
        using var response = await http.PostAsJsonAsync("api/auth/token", new { username = user, password = Password }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
    }

    public static HttpClient Client(Uri baseUri, string token, int connections = 16)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        _demo?.Dispose();
        _scale?.Dispose();
        _year?.Dispose();
    }
}
