using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.Tests.Support;

/// <summary>
/// The app as a separate process on a fixed port, against the tests' database, so a test can kill it and start it
/// again the way a server restart happens. Sign-in keys live in a folder that outlives the process. Extra settings
/// (<c>Redis__Configuration</c>, another <c>ConnectionStrings__CommandCenter</c> …) go in as environment variables.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _keys;
    private readonly bool _ownKeys;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private Process? _process;

    public AppProcess() : this(null)
    {
    }

    /// <param name="environment">Settings on top of the defaults, e.g. <c>["Redis__Configuration"] = "127.0.0.1:6379"</c>.</param>
    /// <param name="keysFrom">Another instance whose sign-in keys this one shares (two nodes of one deployment).</param>
    public AppProcess(IReadOnlyDictionary<string, string>? environment, AppProcess? keysFrom = null)
    {
        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        Environment = environment ?? new Dictionary<string, string>();
        _ownKeys = keysFrom is null;
        _keys = keysFrom?._keys ?? Directory.CreateTempSubdirectory("cc-keys-").FullName;
    }

    public Uri Address { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>What the process wrote to stdout and stderr (its log), line by line.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>How long <see cref="StartAsync"/> waits for <c>/health</c> (a fresh database imports the city first).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public async Task StartAsync()
    {
        var web = Path.Combine(AppContext.BaseDirectory, "CommandCenter.Web.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{web}\"")
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "CommandCenter.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = Address.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__CommandCenter"] = TestDatabase.ConnectionString;
        start.Environment["Database__Reset"] = "false";
        start.Environment["Database__CityDataPath"] = RepoPaths.GisData;
        start.Environment["DataProtection__KeysPath"] = _keys;
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } line) _output.Enqueue(line); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) _output.Enqueue(line); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < until)
        {
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with code {_process.ExitCode}; its log ends: {string.Join('\n', _output.TakeLast(20))}");
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"the app did not answer /health within {StartTimeout.TotalSeconds} s; its log ends: {string.Join('\n', _output.TakeLast(20))}");
    }

    /// <summary>Stops the server abruptly, as a crash or a redeploy would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        if (_ownKeys && Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
