using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.Tests.Support;

/// <summary>
/// The app as a separate process on a fixed port, against the tests' database, so a test can kill it and start it
/// again the way a server restart happens. Sign-in keys live in a folder that outlives the process.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _keys = Directory.CreateTempSubdirectory("cc-keys-").FullName;
    private Process? _process;

    public AppProcess() => Address = new Uri($"http://127.0.0.1:{FreePort()}");

    public Uri Address { get; }

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
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 120; i++)
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
                throw new InvalidOperationException($"the app exited with code {_process.ExitCode}");
            }
            await Task.Delay(500);
        }
        throw new TimeoutException("the app did not answer /health within 60 s");
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
        Directory.Delete(_keys, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
