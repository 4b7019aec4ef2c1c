namespace CommandCenter.Bench;

/// <summary>
/// P5 the wall on the demo city: its first full render and its time to 实时 against the static MapLibre page with the
/// same visible layers (interleaved cold loads in headless Chromium). Goal: 实时 ≤ 2 s after navigation.
/// </summary>
public sealed class WallBench : IMeasure
{
    public string Id => "P5";

    public string Title => "the wall: first full render and time to 实时";

    public async Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken ct)
    {
        var app = await context.DemoAppAsync(ct);
        var openCases = await CaseSeeder.EnsureOpenCasesAsync(app.BaseUri, ct);
        var browser = await context.BrowserAsync();
        var storage = await ChromiumLauncher.SignInAsync(browser, app.BaseUri, "leader", BenchContext.Password);
        var issues = new PageIssues();
        var wall = new List<RenderSample>();
        var baseline = new List<RenderSample>();
        var options = context.Options;
        for (var i = 0; i < options.Warmups + options.Runs; i++)
        {
            ct.ThrowIfCancellationRequested();
            var w = await WallProbe.RunAsync(browser, storage, app.BaseUri, issues);
            var s = await StaticMapProbe.RunAsync(browser, storage, app.BaseUri, issues, w.MapWidth, w.MapHeight);
            BenchContext.Log(BenchContext.Invariant($"{(i < options.Warmups ? "warm-up" : "run")} /wall {w.FullRenderMs:0} ms (live {w.Milestones.GetValueOrDefault("live"):0}), static {s.FullRenderMs:0} ms"));
            if (i >= options.Warmups)
            {
                wall.Add(w);
                baseline.Add(s);
            }
        }
        var report = MarkdownReport.Write(options, browser.Version, openCases, wall, baseline, issues);
        await File.WriteAllTextAsync(Path.Combine(options.Artifacts, "bench-wall.md"), report, ct);
        var full = Summary.Of(wall.Select(x => x.FullRenderMs)).Median;
        var live = Summary.Of(wall.Select(x => x.Milestones.GetValueOrDefault("live", double.NaN)).Where(v => !double.IsNaN(v))).Median;
        var stat = Summary.Of(baseline.Select(x => x.FullRenderMs)).Median;
        return
        [
            new MeasureResult("P5", "the wall (demo city)",
                new Dictionary<string, double> { ["full render ms"] = Math.Round(full), ["实时 ms"] = Math.Round(live), ["open cases"] = openCases, ["runs"] = options.Runs },
                new Dictionary<string, double> { ["static full render ms"] = Math.Round(stat) },
                full / stat, "wall full render / static page", "实时 ≤ 2000 ms", live <= 2000,
                "milestones in artifacts/bench-wall.md"),
        ];
    }
}
