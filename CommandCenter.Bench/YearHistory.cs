using System.Diagnostics;
using CommandCenter.Domain.Evaluation;
using Npgsql;

namespace CommandCenter.Bench;

/// <summary>
/// The generated year that E1 and E2 measure on: the demo city with <c>CommandCenter.CityGen --history</c> (about 130,000
/// cases over 13 months, worked through the real workflow) in its own database (<c>commandcenter_year</c>,
/// <c>CC_BENCH_YEAR_DATABASE</c> overrides), loaded once and reused afterwards. With <c>--quick</c> and no year loaded
/// yet, a <see cref="QuickSliceCases"/>-case slice of the same 13 months goes into <c>…_quick</c> instead (the result says so).
/// </summary>
public sealed record YearHistory(string Database, string ConnectionString, long Cases, long Events, DateOnly FirstDay, DateOnly LastDay, bool Slice)
{
    public const int QuickSliceCases = 26_000;
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>The calendar months wholly inside the history (it starts at a local midnight; its last day is partial).</summary>
    public IReadOnlyList<EvaluationPeriod> FullMonths
    {
        get
        {
            var months = new List<EvaluationPeriod>();
            for (var m = EvaluationPeriod.Month(FirstDay); m.First <= LastDay; m = EvaluationPeriod.Month(m.End))
            {
                if (m.First >= FirstDay && m.Last < LastDay)
                {
                    months.Add(m);
                }
            }
            return months;
        }
    }

    /// <summary>The last 365 full days of the history: what /analytics shows when asked for the year.</summary>
    public EvaluationPeriod LastYear => new(LastDay.AddDays(-365), LastDay.AddDays(-1));

    /// <summary>What the result says about the data.</summary>
    public string Describe() => BenchContext.Invariant(
        $"{Database}: {Cases:N0} cases, {Events:N0} history events, {FirstDay:yyyy-MM-dd} – {LastDay:yyyy-MM-dd}") +
        (Slice ? BenchContext.Invariant($" (--quick: a {QuickSliceCases:N0}-case slice, not the ~130,000-case year)") : "");

    public static DateTimeOffset Instant(DateOnly localDay) =>
        new DateTimeOffset(localDay.ToDateTime(TimeOnly.MinValue), Zone.GetUtcOffset(localDay.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

    /// <summary>The year (or with --quick the slice) in its database, loading it first if it is not there.</summary>
    public static async Task<YearHistory> EnsureAsync(BenchOptions options, CancellationToken ct)
    {
        if (await ReadAsync(options.YearDatabase, options.YearConnectionString, slice: false, ct) is { } year)
        {
            BenchContext.Log($"using the loaded year: {year.Describe()}");
            return year;
        }
        var (database, cases) = options.Quick ? (options.YearDatabase + "_quick", QuickSliceCases) : (options.YearDatabase, (int?)null);
        var cs = options.WithDatabase(database);
        if (await ReadAsync(database, cs, options.Quick, ct) is { } loaded)
        {
            BenchContext.Log($"using the loaded slice: {loaded.Describe()}");
            return loaded;
        }
        await LoadAsync(options, cs, cases, ct);
        return await ReadAsync(database, cs, options.Quick, ct) ?? throw new InvalidOperationException($"CityGen --history loaded nothing into {database}");
    }

    private static async Task<YearHistory?> ReadAsync(string database, string cs, bool slice, CancellationToken ct)
    {
        try
        {
            await using var db = new NpgsqlConnection(cs);
            await db.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand("""
                SELECT (SELECT count(*) FROM case_events WHERE seq < 0), (SELECT count(*) FROM cases),
                    (SELECT min(reported_at) FROM cases), (SELECT max(reported_at) FROM cases)
                """, db) { CommandTimeout = 300 };
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            if (r.GetInt64(0) == 0)
            {
                return null;
            }
            DateOnly Local(int i) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.GetFieldValue<DateTimeOffset>(i), Zone).DateTime);
            return new YearHistory(database, cs, r.GetInt64(1), r.GetInt64(0), Local(2), Local(3), slice);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    // The path of ./run.sh --demo-history: CityGen migrates, imports the demo city and seeds the accounts, then loads the year.
    private static async Task LoadAsync(BenchOptions options, string cs, int? cases, CancellationToken ct)
    {
        if (!File.Exists(options.CityGenDll))
        {
            throw new FileNotFoundException($"{options.CityGenDll} is missing: run `dotnet build CommandCenter.CityGen -c Release` first");
        }
        var database = new NpgsqlConnectionStringBuilder(cs).Database;
        var log = Path.Combine(options.Artifacts, $"bench-{database}-load.log");
        BenchContext.Log($"loading the generated year into {database}{(cases is { } n ? BenchContext.Invariant($" ({n:N0}-case slice)") : "")}: several minutes the first time; log in {log}");
        var start = new ProcessStartInfo("dotnet", [options.CityGenDll, "--history", cs, "--if-empty", .. cases is { } c ? new[] { "--cases", c.ToString(System.Globalization.CultureInfo.InvariantCulture) } : []])
        {
            WorkingDirectory = options.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var watch = Stopwatch.StartNew();
        await using var writer = new StreamWriter(log) { AutoFlush = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        void Line(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (writer)
            {
                writer.WriteLine(line);
            }
            Console.Error.WriteLine(line);
        }
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"CityGen --history exited with {process.ExitCode}; see {log}");
        }
        BenchContext.Log(BenchContext.Invariant($"year loaded into {database} in {watch.Elapsed.TotalMinutes:0.0} min"));
    }
}
