using System.Globalization;
using System.Text;

namespace CommandCenter.Bench;

/// <summary>The result as Markdown: the comparison table, the wall's milestones, the machine, and what the pages complained about.</summary>
public static class MarkdownReport
{
    public static string Write(BenchOptions options, string chromiumVersion, int openCases,
        IReadOnlyList<RenderSample> wall, IReadOnlyList<RenderSample> baseline, PageIssues issues)
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant($"# First full render of /wall vs a static MapLibre page ({DateTime.Now:yyyy-MM-dd HH:mm})"));
        md.AppendLine();
        md.AppendLine(Invariant($"Machine: {Environment.ProcessorCount} cores (nproc), headless Chromium {chromiumVersion} with SwiftShader (software WebGL), ") +
            Invariant($"viewport {ChromiumLauncher.Viewport.Width}×{ChromiumLauncher.Viewport.Height}. {options.Runs} runs per page (after {options.Warmups} discarded warm-up), ") +
            Invariant($"interleaved, each in a fresh browser context (cold HTTP cache, sign-in cookie only); {openCases} open cases. ") +
            "Times are ms from navigation start (`performance.now()` in the page). " +
            $"Load average at the end: {LoadAverage()} (anything else running on the machine shows up here).");
        md.AppendLine();
        md.AppendLine("| page | first full render median (ms) | min (ms) | max (ms) | DOMContentLoaded median (ms) |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        Row(md, "/wall (Blazor + live)", wall);
        Row(md, "static MapLibre page", baseline);
        md.AppendLine();
        md.AppendLine("/wall done = map `data-live-status=live`, `data-rendered-areas` > 0, KPI tiles visible, and the map's first `idle` after the cases were loaded. " +
            Invariant($"Static page done = its first `idle` after all layers are added (map sized like the wall's map panel, {baseline[0].MapWidth:0}×{baseline[0].MapHeight:0})."));
        md.AppendLine();
        md.AppendLine("Milestones, median ms from navigation start:");
        md.AppendLine();
        md.AppendLine("| page | first byte | DOMContentLoaded | " + string.Join(" | ", wall[0].Milestones.Keys) + " | done |");
        md.AppendLine("|---|---:|---:|" + string.Concat(wall[0].Milestones.Keys.Select(_ => "---:|")) + "---:|");
        md.AppendLine(Invariant($"| /wall | {Med(wall, s => s.ResponseStartMs)} | {Med(wall, s => s.DomContentLoadedMs)} | ") +
            string.Join(" | ", wall[0].Milestones.Keys.Select(k => Med(wall, s => s.Milestones.GetValueOrDefault(k, double.NaN)))) +
            $" | {Med(wall, s => s.FullRenderMs)} |");
        md.AppendLine(Invariant($"| static | {Med(baseline, s => s.ResponseStartMs)} | {Med(baseline, s => s.DomContentLoadedMs)} | ") +
            string.Concat(wall[0].Milestones.Keys.Select(_ => "– | ")) + $"{Med(baseline, s => s.FullRenderMs)} |");
        md.AppendLine();
        md.AppendLine(Invariant($"Drawn: /wall {wall[^1].CaseCount} cases, {wall[^1].RenderedGrids} grid features rendered; ") +
            Invariant($"static {baseline[^1].CaseCount} cases, {baseline[^1].RenderedGrids} grid features rendered."));
        var seen = issues.All.ToArray();
        if (seen.Length > 0)
        {
            md.AppendLine();
            md.AppendLine("Console errors/warnings, page errors and failed requests (count over all runs, warm-ups included):");
            md.AppendLine();
            foreach (var (text, count) in seen)
            {
                md.AppendLine(Invariant($"- {count}× `{text.Replace('`', '\'').ReplaceLineEndings(" ")}`"));
            }
        }
        return md.ToString();
    }

    private static void Row(StringBuilder md, string name, IReadOnlyList<RenderSample> samples)
    {
        var full = Summary.Of(samples.Select(s => s.FullRenderMs));
        md.AppendLine(Invariant($"| {name} | {full.Median:0} | {full.Min:0} | {full.Max:0} | {Med(samples, s => s.DomContentLoadedMs)} |"));
    }

    private static string Med(IReadOnlyList<RenderSample> samples, Func<RenderSample, double> pick) =>
        Summary.Of(samples.Select(pick).Where(v => !double.IsNaN(v))).Median.ToString("0", CultureInfo.InvariantCulture);

    // The 1/5/15-minute load from /proc/loadavg; "n/a" off Linux.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
