namespace CommandCenter.Bench;

/// <summary>What to run: the number of measured runs, the database and where the repository is.</summary>
public sealed record BenchOptions(int Runs, int Warmups, string ConnectionString, string RepoRoot)
{
    public const string DefaultConnection = "Host=127.0.0.1;Port=55432;Database=commandcenter_bench;Username=postgres";

    public string WebDll => Path.Combine(RepoRoot, "CommandCenter.Web", "bin", "Release", "net10.0", "CommandCenter.Web.dll");

    public string Artifacts => Path.Combine(RepoRoot, "artifacts");

    /// <summary>Parses <c>--runs N</c> and <c>--warmups N</c>; returns null with a message for anything else.</summary>
    public static BenchOptions? Parse(string[] args, out string? error)
    {
        int runs = 5, warmups = 1;
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length && int.TryParse(args[i + 1], out var n) ? n : (int?)null;
            switch (args[i])
            {
                case "--runs" when value is >= 1:
                    runs = value.Value;
                    i++;
                    break;
                case "--warmups" when value is >= 0:
                    warmups = value.Value;
                    i++;
                    break;
                default:
                    error = $"usage: CommandCenter.Bench [--runs N (default 5)] [--warmups N (default 1)]; bad argument '{args[i]}'";
                    return null;
            }
        }
        var connection = Environment.GetEnvironmentVariable("CC_BENCH_CONNECTION") is { Length: > 0 } c ? c : DefaultConnection;
        return new BenchOptions(runs, warmups, connection, FindRepoRoot());
    }

    // The bench runs from its own bin folder or from the repository; either way the solution file marks the root.
    private static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CommandCenter.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("CommandCenter.sln not found above the current folder or the bench's binaries");
    }
}
