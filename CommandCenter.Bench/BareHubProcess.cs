using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommandCenter.Bench;

/// <summary>The bare hub (<c>CommandCenter.Bench bare-hub</c>) as a child process on a free port, so it has its own runtime like the app.</summary>
public sealed class BareHubProcess : IDisposable
{
    private readonly Process _process;

    private BareHubProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<BareHubProcess> StartAsync(BenchOptions options, CancellationToken ct)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var start = new ProcessStartInfo("dotnet", [options.BenchDll, "bare-hub", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The same GC settings the app runs with (workstation, concurrent): only the work differs.
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the bare hub");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var hub = new BareHubProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = hub.BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await http.GetAsync("health", ct)).IsSuccessStatusCode)
                {
                    return hub;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // Not listening yet.
            }
            await Task.Delay(200, ct);
        }
        hub.Dispose();
        throw new TimeoutException("the bare hub did not start");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
