using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CommandCenter.Bench;

/// <summary>Writes bench/results/latest.md (the table the README quotes) and latest.json (per measure: id, figures, anchor, ratio, goal, met).</summary>
public static class ResultsWriter
{
    public static async Task<(string Markdown, string Json)> WriteAsync(BenchOptions options, DateTimeOffset started, IReadOnlyList<MeasureResult> results, CancellationToken ct)
    {
        var machine = Machine();
        var md = new StringBuilder();
        md.AppendLine(Invariant($"# CommandCenter benchmarks ({started:yyyy-MM-dd HH:mm zzz}, {(options.Quick ? "./bench.sh --quick" : "./bench.sh")})"));
        md.AppendLine();
        md.AppendLine($"Machine: {machine}. Each ratio is against its anchor measured in the same run on this machine.");
        md.AppendLine();
        md.AppendLine("| id | measure | CommandCenter | anchor | ratio | goal | met |");
        md.AppendLine("|---|---|---|---|---:|---|---|");
        foreach (var r in results)
        {
            md.AppendLine(Invariant($"| {r.Id} | {r.Title} | {Figures(r.Figures)} | {Figures(r.Anchor)} | {(double.IsNaN(r.Ratio) ? "–" : r.Ratio.ToString("0.###", CultureInfo.InvariantCulture))} ({r.RatioMeaning}) | {r.Goal} | {(r.Met ? "yes" : "**no**")} |"));
        }
        var notes = results.Where(r => r.Notes is not null).ToList();
        if (notes.Count > 0)
        {
            md.AppendLine();
            foreach (var r in notes)
            {
                md.AppendLine($"- {r.Id}: {r.Notes}");
            }
        }
        md.AppendLine();
        md.AppendLine(Invariant($"Load average at the end: {LoadAverage()}; took {(DateTimeOffset.Now - started).TotalMinutes:0.0} min."));
        var mdPath = Path.Combine(options.Results, "latest.md");
        await File.WriteAllTextAsync(mdPath, md.ToString(), ct);

        var json = JsonSerializer.Serialize(new
        {
            date = started,
            quick = options.Quick,
            machine,
            measures = results.Select(r => new
            {
                id = r.Id, title = r.Title, figures = r.Figures, anchor = r.Anchor,
                ratio = double.IsNaN(r.Ratio) ? (double?)null : Math.Round(r.Ratio, 4), ratioMeaning = r.RatioMeaning, goal = r.Goal, met = r.Met, notes = r.Notes,
            }),
        }, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
        var jsonPath = Path.Combine(options.Results, "latest.json");
        await File.WriteAllTextAsync(jsonPath, json, ct);
        return (mdPath, jsonPath);
    }

    private static string Figures(IReadOnlyDictionary<string, double> figures) =>
        figures.Count == 0 ? "–" : string.Join("; ", figures.Select(f => Invariant($"{f.Key} {Format(f.Value)}")));

    private static string Format(double v) => Math.Abs(v) >= 100 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var gib = memory is null ? "?" : (long.Parse(memory, CultureInfo.InvariantCulture) / 1024.0 / 1024).ToString("0", CultureInfo.InvariantCulture);
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {gib} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
