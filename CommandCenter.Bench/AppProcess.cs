using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.Bench;

/// <summary>The Release build of CommandCenter.Web as a child process on a free port; killed (with its tree) on dispose.</summary>
public sealed class AppProcess : IDisposable
{
    private static readonly int[] ReservedPorts = [5080, 5081, 55432];
    private readonly Process _process;
    private readonly StreamWriter _log;
    private bool _closed;
    private int _disposed;

    private AppProcess(Process process, StreamWriter log, Uri baseUri)
    {
        _process = process;
        _log = log;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public int Pid => _process.Id;

    /// <summary>The server's resident memory now (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return status is null ? 0 : long.Parse(status.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// Waits until the server has finished what it does once at start (city index, watchers' first rounds, JIT): its CPU
    /// time grows by under a tenth of a core over a second, or <paramref name="max"/> passed. A measure right after "healthy"
    /// otherwise shares the two cores with the start-up (P3-http measured 2.7 ms per request that way, 0.15 ms after).
    /// </summary>
    public async Task<TimeSpan> SettleAsync(TimeSpan max, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        _process.Refresh();
        var before = _process.TotalProcessorTime;
        while (waited.Elapsed < max)
        {
            await Task.Delay(1000, ct);
            _process.Refresh();
            var now = _process.TotalProcessorTime;
            if ((now - before).TotalMilliseconds < 100)
            {
                break;
            }
            before = now;
        }
        return waited.Elapsed;
    }

    public static async Task<AppProcess> StartAsync(BenchOptions options, string logPath, CancellationToken ct) =>
        await StartAsync(options, options.ConnectionString, new Dictionary<string, string>(), logPath, ct);

    /// <summary>Starts the app on <paramref name="connectionString"/> with more environment (e.g. <c>Database__Name</c>).</summary>
    public static async Task<AppProcess> StartAsync(BenchOptions options, string connectionString, IReadOnlyDictionary<string, string> environment,
        string logPath, CancellationToken ct)
    {
        if (!File.Exists(options.WebDll))
        {
            throw new FileNotFoundException($"{options.WebDll} is missing: run `dotnet build CommandCenter.Web -c Release` first");
        }
        var port = FreePort();
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", [options.WebDll])
        {
            // The project folder is the content root, as with `dotnet run`: appsettings.json (log levels) is read from there.
            WorkingDirectory = Path.Combine(options.RepoRoot, "CommandCenter.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = baseUri.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__CommandCenter"] = connectionString;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var app = new AppProcess(process, log, baseUri);
        process.OutputDataReceived += (_, e) => app.Write(e.Data);
        process.ErrorDataReceived += (_, e) => app.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitHealthyAsync(logPath, ct);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    // Migrating and importing the demo city into an empty database takes a while on two cores.
    private async Task WaitHealthyAsync(string logPath, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"CommandCenter.Web exited with code {_process.ExitCode}; see {logPath}");
            }
            try
            {
                using var response = await http.GetAsync("health", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // A slow first answer while the city is imported.
            }
            await Task.Delay(500, ct);
        }
        throw new TimeoutException($"GET /health did not answer 200 within 5 minutes; see {logPath}");
    }

    private static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            if (!ReservedPorts.Contains(port))
            {
                return port;
            }
        }
    }

    private void Write(string? line)
    {
        lock (_log)
        {
            if (line is not null && !_closed)
            {
                _log.WriteLine(line);
            }
        }
    }

    // Called from the normal path and again from Ctrl+C / process exit: only the first call does anything.
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }
}
