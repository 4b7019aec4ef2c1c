using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace CommandCenter.Bench;

/// <summary>
/// <c>CommandCenter.Bench render [--wall] [--static] [--trace] [--runs N] [--warmups N]</c>: where a first render spends its
/// time. Loads <c>/map</c> on the city at scale (or, with <c>--wall</c>, <c>/wall</c> on the demo city, and with
/// <c>--static</c> also the static MapLibre page) as P4-map and P5 do, and prints per run the probe's milestones, the page's
/// own <c>cc:</c> performance marks and when each kind of request (tiles per layer and zoom, APIs, scripts) started and
/// ended. <c>--trace</c> writes a Chromium performance trace of the last run (with V8 CPU samples of every thread) to
/// artifacts/render-trace.json; scripts/trace-summary.py reads it.
/// </summary>
internal static class RenderDiagnostics
{
    public static async Task<int> RunAsync(string[] args)
    {
        var wall = args.Contains("--wall");
        var withStatic = args.Contains("--static");
        var trace = args.Contains("--trace");
        var options = BenchOptions.Parse([.. args.Where(a => a is not ("--wall" or "--static" or "--trace"))], out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Directory.CreateDirectory(options.Artifacts);
        await using var context = new BenchContext(options);
        var app = wall ? await context.DemoAppAsync(cts.Token) : await context.ScaleAppAsync(cts.Token);
        if (wall)
        {
            BenchContext.Log($"{await CaseSeeder.EnsureOpenCasesAsync(app.BaseUri, cts.Token)} open cases");
        }
        var browser = await context.BrowserAsync();
        var storage = await ChromiumLauncher.SignInAsync(browser, app.BaseUri, "leader", BenchContext.Password);
        var issues = new PageIssues();
        var total = options.Warmups + options.Runs;
        var samples = new List<RenderSample>();
        var statics = new List<RenderSample>();
        for (var i = 0; i < total; i++)
        {
            var tag = i < options.Warmups ? "warm-up" : $"run {i - options.Warmups + 1}/{options.Runs}";
            var tracePath = trace && i == total - 1 ? Path.Combine(options.Artifacts, "render-trace.json") : null;
            var diagnostics = new LoadDiagnostics(browser, tracePath);
            var sample = wall
                ? await WallProbe.RunAsync(browser, storage, app.BaseUri, issues, diagnostics)
                : await MapProbe.RunAsync(browser, storage, app.BaseUri, issues, diagnostics);
            Console.WriteLine(Invariant($"## {tag} {(wall ? "/wall" : "/map")}: full render {sample.FullRenderMs:0} ms, DOMContentLoaded {sample.DomContentLoadedMs:0}, cases {sample.CaseCount}, grids drawn {sample.RenderedGrids}, 社区 drawn {sample.RenderedCommunities}, map {sample.MapWidth:0}×{sample.MapHeight:0}"));
            foreach (var (name, ms) in sample.Milestones.OrderBy(m => m.Value))
            {
                Console.WriteLine(Invariant($"  milestone {ms,7:0} {name}"));
            }
            Console.WriteLine(diagnostics.Report());
            if (i >= options.Warmups)
            {
                samples.Add(sample);
            }
            if (withStatic)
            {
                var s = await StaticMapProbe.RunAsync(browser, storage, app.BaseUri, issues, sample.MapWidth, sample.MapHeight, tiles: !wall);
                Console.WriteLine(Invariant($"## {tag} static page: {s.FullRenderMs:0} ms (grids drawn {s.RenderedGrids})"));
                if (i >= options.Warmups)
                {
                    statics.Add(s);
                }
            }
        }
        var full = Summary.Of(samples.Select(s => s.FullRenderMs));
        var live = Summary.Of(samples.Select(s => s.Milestones.GetValueOrDefault("live", double.NaN)).Where(v => !double.IsNaN(v)));
        Console.WriteLine(Invariant($"# median full render {full.Median:0} ms (min {full.Min:0}, max {full.Max:0}); live median {live.Median:0} ms over {samples.Count} runs"));
        if (statics.Count > 0)
        {
            var st = Summary.Of(statics.Select(s => s.FullRenderMs));
            Console.WriteLine(Invariant($"# static page median {st.Median:0} ms (min {st.Min:0}, max {st.Max:0})"));
        }
        foreach (var (text, count) in issues.All.Take(10))
        {
            Console.WriteLine($"# issue {count}× {text}");
        }
        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One load: its requests (with Playwright's timings, worker requests included), its marks, optionally a trace.</summary>
    private sealed class LoadDiagnostics(IBrowser browser, string? tracePath) : IPageDiagnostics
    {
        private readonly ConcurrentQueue<(string Url, double Start, double End)> _requests = new();
        private ICDPSession? _cdp;
        private double _timeOrigin;
        private List<(string Name, double At)> _marks = [];
        private string _gl = "";

        // Shader programs are compiled on the main thread's first draw of each layer kind; SwiftShader makes them dear.
        private const string GlCounter = """
            (() => {
                const gl = window.__ccGl = { programs: 0, ms: 0, variants: {} };
                const proto = WebGL2RenderingContext.prototype, link = proto.linkProgram, param = proto.getProgramParameter, source = proto.shaderSource;
                proto.shaderSource = function (shader, text) {
                    if (text.includes('gl_FragColor') || text.includes('fragColor')) return source.call(this, shader, text);
                    const defines = text.split('\n').filter(l => l.startsWith('#define')).join(' ');
                    const key = text.length + ' ' + defines;
                    gl.variants[key] = (gl.variants[key] || 0) + 1;
                    return source.call(this, shader, text);
                };
                let frame = null;
                gl.frames = [];
                const draw = proto.drawElements;
                proto.drawElements = function (mode, count, type, offset) {
                    if (frame) { frame.draws++; frame.indices += count; }
                    return draw.call(this, mode, count, type, offset);
                };
                const raf = window.requestAnimationFrame;
                window.requestAnimationFrame = function (cb) {
                    return raf.call(window, (ts) => {
                        const f = frame = { at: performance.now(), draws: 0, indices: 0 };
                        try { cb(ts); } finally {
                            f.ms = performance.now() - f.at;
                            frame = null;
                            if (f.draws > 0) gl.frames.push([Math.round(f.at), Math.round(f.ms), f.draws, f.indices]);
                        }
                    });
                };
                proto.linkProgram = function (p) { const t = performance.now(); link.call(this, p); gl.ms += performance.now() - t; gl.programs++; };
                proto.getProgramParameter = function (p, n) { const t = performance.now(); const r = param.call(this, p, n); gl.ms += performance.now() - t; return r; };
            })();
            """;

        public async Task BeforeAsync(IPage page)
        {
            await page.AddInitScriptAsync(GlCounter);
            // Stamped here on the same clock as the page's timeOrigin (Playwright's own request timings drift from it).
            var started = new ConcurrentDictionary<IRequest, double>();
            double Now() => TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
            page.Request += (_, r) => started[r] = Now();
            page.RequestFinished += (_, r) =>
            {
                var end = Now();
                _requests.Enqueue((r.Url, started.TryRemove(r, out var at) ? at : end, end));
            };
            if (tracePath is not null)
            {
                _cdp = await browser.NewBrowserCDPSessionAsync();
                await _cdp.SendAsync("Tracing.start", new Dictionary<string, object>
                {
                    ["transferMode"] = "ReturnAsStream",
                    ["traceConfig"] = new Dictionary<string, object>
                    {
                        ["recordMode"] = "recordContinuously",
                        ["includedCategories"] = new[]
                        {
                            "devtools.timeline", "v8.execute", "disabled-by-default-devtools.timeline", "disabled-by-default-v8.cpu_profiler",
                            "blink.user_timing", "toplevel", "loading", "gpu",
                        },
                    },
                });
            }
        }

        public async Task AfterAsync(IPage page)
        {
            var gl = await page.EvaluateAsync<JsonElement>("() => window.__ccGl ?? null");
            if (gl.ValueKind == JsonValueKind.Object)
            {
                _gl = Invariant($"  shader programs linked {gl.GetProperty("programs").GetInt32()}, {gl.GetProperty("ms").GetDouble():0} ms in link and status calls, {gl.GetProperty("variants").EnumerateObject().Count()} vertex variants")
                    + string.Concat(gl.GetProperty("variants").EnumerateObject().Select(v => "\n    vertex shader " + v.Name))
                    + "\n  frames drawn (at ms, main-thread ms, draw calls, indices): "
                    + string.Join(" ", gl.GetProperty("frames").EnumerateArray().Select(f => string.Join("/", f.EnumerateArray().Select(v => v.GetDouble().ToString("0", CultureInfo.InvariantCulture)))));
            }
            var marks = await page.EvaluateAsync<JsonElement>("() => ({ origin: performance.timeOrigin, marks: performance.getEntriesByType('mark').map(m => [m.name, m.startTime]) })");
            _timeOrigin = marks.GetProperty("origin").GetDouble();
            _marks = [.. marks.GetProperty("marks").EnumerateArray().Select(m => (m[0].GetString()!, m[1].GetDouble()))];
            if (_cdp is not null && tracePath is not null)
            {
                var complete = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _cdp.Event("Tracing.tracingComplete").OnEvent += (_, e) => complete.TrySetResult(e?.GetProperty("stream").GetString() ?? "");
                await _cdp.SendAsync("Tracing.end");
                var stream = await complete.Task.WaitAsync(TimeSpan.FromMinutes(2));
                await using var file = File.Create(tracePath);
                for (;;)
                {
                    var chunk = await _cdp.SendAsync("IO.read", new Dictionary<string, object> { ["handle"] = stream, ["size"] = 1 << 20 });
                    var data = chunk!.Value.GetProperty("data").GetString() ?? "";
                    var bytes = chunk.Value.TryGetProperty("base64Encoded", out var b64) && b64.GetBoolean() ? Convert.FromBase64String(data) : Encoding.UTF8.GetBytes(data);
                    await file.WriteAsync(bytes);
                    if (chunk.Value.GetProperty("eof").GetBoolean())
                    {
                        break;
                    }
                }
                await _cdp.SendAsync("IO.close", new Dictionary<string, object> { ["handle"] = stream });
                await _cdp.DetachAsync();
                BenchContext.Log($"trace written to {tracePath}");
            }
        }

        /// <summary>Marks, then requests grouped by kind: count, first start and last end in ms after navigation.</summary>
        public string Report()
        {
            var text = new StringBuilder();
            if (_gl.Length > 0)
            {
                text.AppendLine(_gl);
            }
            foreach (var (name, at) in _marks.OrderBy(m => m.At))
            {
                text.AppendLine(Invariant($"  mark      {at,7:0} {name}"));
            }
            foreach (var group in _requests.GroupBy(r => Kind(r.Url)).OrderBy(g => g.Min(r => r.Start)))
            {
                var slowest = group.Max(r => r.End - r.Start);
                text.AppendLine(Invariant($"  requests  {group.Min(r => r.Start) - _timeOrigin,7:0} … {group.Max(r => r.End) - _timeOrigin,7:0} {group.Count(),4}× {group.Key} (slowest {slowest:0} ms)"));
            }
            return text.ToString().TrimEnd();
        }

        private static string Kind(string url)
        {
            var path = Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.AbsolutePath : url;
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return parts switch
            {
                ["tiles", var layer, var z, ..] => $"/tiles/{layer}/{z}",
                ["_blazor", ..] => "/_blazor",
                ["hubs", ..] => "/hubs/ops",
                _ when path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".mjs", StringComparison.Ordinal) || path.EndsWith(".css", StringComparison.Ordinal) => "scripts and styles",
                _ => path,
            };
        }
    }
}
