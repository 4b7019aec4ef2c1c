using System.Diagnostics;
using System.Globalization;

namespace CommandCenter.CityGen;

/// <summary>
/// <c>citygen [sourceDir] [outputDir]</c>: the demo city from the OSM extract.
/// <c>citygen --synthetic &lt;grids&gt; [outputDir] [--seed N]</c>: a synthetic city of that size for the scale benchmark.
/// <c>citygen --history &lt;connection&gt; [--cases N] [--months M] [--seed N] [--until ISO] [--if-empty] [--reset]</c>: a year of cases in a database.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            if (args.Length > 0 && args[0] == "--history")
            {
                return HistoryCommand.Run(args[1..]);
            }
            if (args.Length > 0 && args[0] == "--synthetic")
            {
                return Synthetic(args[1..]);
            }

            var source = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "gis-source");
            var output = args.Length > 1 ? args[1] : "gis-data";
            Console.WriteLine(CityGenerator.Run(source, output));
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException or ArgumentException)
        {
            Console.Error.WriteLine($"citygen failed: {ex.Message}");
            return 1;
        }
    }

    private static int Synthetic(string[] args)
    {
        var seed = 1;
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seed" && i + 1 < args.Length)
            {
                seed = ParseNumber(args[++i], "--seed");
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        if (positional.Count is < 1 or > 2)
        {
            Console.Error.WriteLine("usage: citygen --synthetic <grids> [outputDir] [--seed N]");
            return 2;
        }

        var grids = ParseNumber(positional[0], "grids");
        var output = positional.Count > 1 ? positional[1] : SyntheticCityGenerator.DefaultOutputDir;
        var watch = Stopwatch.StartNew();
        Console.WriteLine(SyntheticCityGenerator.Run(output, grids, seed));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"written to {Path.GetFullPath(output)} in {watch.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static int ParseNumber(string text, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{what} must be a whole number, not '{text}'");
}
