namespace CommandCenter.Bench;

/// <summary>
/// <c>./bench.sh</c>: every measure of <see cref="Measures.All"/> against its anchor, results to bench/results/latest.md
/// and latest.json. Sub-commands: <c>load-cases</c> (bulk benchmark cases), <c>bare-hub</c> (the bare SignalR anchor,
/// run as its own process), <c>wall</c> (the wall render comparison alone, as run-bench.sh),
/// <c>render</c> (where a first render of /map or /wall spends its time, <see cref="RenderDiagnostics"/>).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "load-cases":
                return await CaseBulkLoader.MainAsync(args[1..]);
            case "bare-hub":
                return await BareHub.RunAsync(args[1..]);
            case "wall":
                return await WallRenderBench.RunAsync(args[1..]);
            case "render":
                return await RenderDiagnostics.RunAsync(args[1..]);
        }
        var options = BenchOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        using var cts = new CancellationTokenSource();
        var context = new BenchContext(options);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => context.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.CreateDirectory(options.Artifacts);
        Directory.CreateDirectory(options.Results);
        var started = DateTimeOffset.Now;
        var results = new List<MeasureResult>();
        try
        {
            foreach (var measure in Measures.All.Where(m => options.Selected(m.Id)))
            {
                BenchContext.Log($"{measure.Id} {measure.Title}{(options.Quick ? " (quick)" : "")}");
                try
                {
                    var found = await measure.RunAsync(context, cts.Token);
                    results.AddRange(found);
                    foreach (var r in found)
                    {
                        BenchContext.Log(BenchContext.Invariant($"{r.Id}: ratio {r.Ratio:0.###} ({r.RatioMeaning}); goal {r.Goal}: {(r.Met ? "met" : "missed")}"));
                    }
                }
                catch (Exception ex) when (!cts.IsCancellationRequested)
                {
                    BenchContext.Log($"{measure.Id} failed: {ex}");
                    results.Add(new MeasureResult(measure.Id, measure.Title, new Dictionary<string, double>(), new Dictionary<string, double>(),
                        double.NaN, "n/a", "ran", false, $"failed: {ex.GetType().Name}: {ex.Message}"));
                }
            }
            var (md, json) = await ResultsWriter.WriteAsync(options, started, results, cts.Token);
            Console.WriteLine(await File.ReadAllTextAsync(md, cts.Token));
            BenchContext.Log($"written to {md} and {json}");
            return results.All(r => !r.Notes?.StartsWith("failed", StringComparison.Ordinal) ?? true) ? 0 : 1;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("cancelled");
            return 130;
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}
