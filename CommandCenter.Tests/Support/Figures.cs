using System.Globalization;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Support;

/// <summary>
/// The figures the fault and abuse tests measure (R1 …): one line each in <c>artifacts/figures/{name}.txt</c>, which
/// ./test.sh prints at the end, and in the test's own output. <see cref="Size"/> reads the run's size from the
/// environment, so ./bench.sh runs the same tests at full size (e.g. <c>CC_R2_INTAKES=1000</c>).
/// </summary>
public static class Figures
{
    public static void Report(ITestOutputHelper? output, string name, string line)
    {
        var dir = Path.Combine(RepoPaths.Artifacts, "figures");
        Directory.CreateDirectory(dir);
        var stamped = $"{DateTimeOffset.UtcNow:yyyy-MM-dd} {name}: {line}";
        File.WriteAllText(Path.Combine(dir, name + ".txt"), stamped + Environment.NewLine);
        output?.WriteLine(stamped);
    }

    /// <summary>The size of a run: the environment variable when set (full runs), the short default otherwise.</summary>
    public static int Size(string variable, int shortRun) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : shortRun;
}
