namespace CommandCenter.Bench;

/// <summary>
/// What to run: the full or quick pass, which measures, the databases (the demo city's <c>commandcenter_bench</c>,
/// the 20,000-grid <c>commandcenter_scale</c> and the generated year <c>commandcenter_year</c>) and where the repository is.
/// </summary>
public sealed record BenchOptions(bool Quick, IReadOnlySet<string> Only, int Runs, int Warmups, string ConnectionString, string ScaleDatabase, string RepoRoot,
    string YearDatabase = BenchOptions.DefaultYearDatabase)
{
    public const string DefaultConnection = "Host=127.0.0.1;Port=55432;Database=commandcenter_bench;Username=postgres";
    public const string DefaultScaleDatabase = "commandcenter_scale";
    public const string DefaultYearDatabase = "commandcenter_year";

    public string WebDll => Path.Combine(RepoRoot, "CommandCenter.Web", "bin", "Release", "net10.0", "CommandCenter.Web.dll");

    public string BenchDll => Path.Combine(AppContext.BaseDirectory, "CommandCenter.Bench.dll");

    public string Artifacts => Path.Combine(RepoRoot, "artifacts");

    public string Results => Path.Combine(RepoRoot, "bench", "results");

    public string ScaleCityPath => Path.Combine(RepoRoot, ".data", "scale-city");

    /// <summary>The scale database on the same server.</summary>
    public string ScaleConnectionString => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = ScaleDatabase }.ConnectionString;

    /// <summary>The demo city with a generated year of cases (E1, E2) on the same server.</summary>
    public string YearConnectionString => WithDatabase(YearDatabase);

    public string CityGenDll => Path.Combine(RepoRoot, "CommandCenter.CityGen", "bin", "Release", "net10.0", "CommandCenter.CityGen.dll");

    public string WithDatabase(string database) => new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    public bool Selected(string id) => Only.Count == 0 || Only.Contains(id);

    /// <summary>Parses <c>--quick</c>, <c>--only P1,P3</c>, <c>--runs N</c>, <c>--warmups N</c>; returns null with a message for anything else.</summary>
    public static BenchOptions? Parse(string[] args, out string? error)
    {
        var quick = false;
        int? runs = null, warmups = null;
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var next = i + 1 < args.Length ? args[i + 1] : null;
            var value = int.TryParse(next, out var n) ? n : (int?)null;
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--only" when next is not null:
                    only.UnionWith(next.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    i++;
                    break;
                case "--runs" when value is >= 1:
                    runs = value;
                    i++;
                    break;
                case "--warmups" when value is >= 0:
                    warmups = value;
                    i++;
                    break;
                default:
                    error = $"usage: CommandCenter.Bench [--quick] [--only P1,P2,…] [--runs N] [--warmups N]; bad argument '{args[i]}'";
                    return null;
            }
        }
        var connection = Environment.GetEnvironmentVariable("CC_BENCH_CONNECTION") is { Length: > 0 } c ? c : DefaultConnection;
        var scale = Environment.GetEnvironmentVariable("CC_BENCH_SCALE_DATABASE") is { Length: > 0 } s ? s : DefaultScaleDatabase;
        var year = Environment.GetEnvironmentVariable("CC_BENCH_YEAR_DATABASE") is { Length: > 0 } y ? y : DefaultYearDatabase;
        return new BenchOptions(quick, only, runs ?? (quick ? 2 : 5), warmups ?? 1, connection, scale, FindRepoRoot(), year);
    }

    // The bench runs from its own bin folder or from the repository; either way the solution file marks the root.
    public static string FindRepoRoot()
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
