using System.Globalization;
using Microsoft.Playwright;

namespace CommandCenter.Bench;

/// <summary>
/// <c>CommandCenter.Bench wall</c> (run-bench.sh): the first full render of /wall against a static MapLibre page drawing
/// the same layers, on its own. Starts the Release build of CommandCenter.Web, seeds open cases, prints a Markdown table.
/// </summary>
internal static class WallRenderBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        using var cts = new CancellationTokenSource();
        AppProcess? app = null;
        // Ctrl+C and any other exit still take the app down with us.
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
            app?.Dispose();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app?.Dispose();
        try
        {
            Directory.CreateDirectory(options.Artifacts);
            var appLog = Path.Combine(options.Artifacts, "bench-app.log");
            Log($"starting CommandCenter.Web (Release) on a free port; log in {appLog}");
            app = await AppProcess.StartAsync(options, appLog, cts.Token);
            Log($"app healthy at {app.BaseUri}");
            var openCases = await CaseSeeder.EnsureOpenCasesAsync(app.BaseUri, cts.Token);
            Log($"{openCases} open cases");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await ChromiumLauncher.LaunchAsync(playwright);
            var storage = await ChromiumLauncher.SignInAsync(browser, app.BaseUri, "leader", "Demo#2026");
            var issues = new PageIssues();
            var wall = new List<RenderSample>();
            var baseline = new List<RenderSample>();
            // Warm-ups fill the server's JIT and caches; wall and static runs alternate so background load hits both alike.
            for (var i = 0; i < options.Warmups + options.Runs; i++)
            {
                cts.Token.ThrowIfCancellationRequested();
                var measured = i >= options.Warmups;
                var tag = measured ? $"run {i - options.Warmups + 1}/{options.Runs}" : $"warm-up {i + 1}/{options.Warmups}";
                var w = await WallProbe.RunAsync(browser, storage, app.BaseUri, issues);
                Log(Invariant($"{tag} /wall   {w.FullRenderMs,7:0} ms (DOMContentLoaded {w.DomContentLoadedMs:0}, cases {w.CaseCount}, grids drawn {w.RenderedGrids})"));
                var s = await StaticMapProbe.RunAsync(browser, storage, app.BaseUri, issues, w.MapWidth, w.MapHeight);
                Log(Invariant($"{tag} static {s.FullRenderMs,7:0} ms (DOMContentLoaded {s.DomContentLoadedMs:0}, cases {s.CaseCount}, grids drawn {s.RenderedGrids})"));
                if (measured)
                {
                    wall.Add(w);
                    baseline.Add(s);
                }
            }

            var report = MarkdownReport.Write(options, browser.Version, openCases, wall, baseline, issues);
            var output = Path.Combine(options.Artifacts, "bench-wall.md");
            await File.WriteAllTextAsync(output, report, cts.Token);
            Console.WriteLine();
            Console.WriteLine(report);
            Log($"written to {output}");
            return 0;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidOperationException or TimeoutException or HttpRequestException or PlaywrightException)
        {
            Console.Error.WriteLine($"bench failed: {ex.Message}");
            return 1;
        }
        finally
        {
            app?.Dispose();
        }
    }

    private static void Log(string message) => Console.Error.WriteLine($"[bench {DateTime.Now:HH:mm:ss}] {message}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
