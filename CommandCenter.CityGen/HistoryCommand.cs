using System.Diagnostics;
using System.Globalization;
using CommandCenter.Domain.Geography;
using CommandCenter.Web;
using CommandCenter.Web.Features.History;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommandCenter.CityGen;

/// <summary>
/// <c>citygen --history &lt;connection&gt;</c>: prepares the database as the app would (migrations, the demo city, demo
/// accounts) and loads a generated history into it. Run it with no app on the database: the app's caches and its
/// clock watcher then start from the loaded history (a running app would not crash, but would see the history only
/// after a restart, and its clock watcher would chase the history's open cases on its next round).
/// </summary>
internal static class HistoryCommand
{
    private const string Usage = "usage: citygen --history <connection> [--cases N (a year, default 130000)] [--months M (default 13)] [--seed N (default 1)] [--until ISO instant (default now)] [--if-empty] [--reset]";

    public static int Run(string[] args)
    {
        if (args.Length < 1 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var connection = args[0];
        int cases = 130_000, months = 13, seed = 1;
        DateTimeOffset? until = null;
        bool ifEmpty = false, reset = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cases" when i + 1 < args.Length: cases = Number(args[++i], "--cases"); break;
                case "--months" when i + 1 < args.Length: months = Number(args[++i], "--months"); break;
                case "--seed" when i + 1 < args.Length: seed = Number(args[++i], "--seed"); break;
                case "--until" when i + 1 < args.Length:
                    until = DateTimeOffset.Parse(args[++i], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    break;
                case "--if-empty": ifEmpty = true; break;
                case "--reset": reset = true; break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        return RunAsync(connection, cases, months, seed, until, ifEmpty, reset).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string connection, int cases, int months, int seed, DateTimeOffset? until, bool ifEmpty, bool reset)
    {
        var watch = Stopwatch.StartNew();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["ConnectionStrings:CommandCenter"] = connection;
        builder.Configuration["Database:Reset"] = reset ? "true" : "false";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.AddApplicationServices();
        await using var app = builder.Build();
        Log("preparing the database (migrations, demo city, demo accounts)");
        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var loader = scope.ServiceProvider.GetRequiredService<HistoryLoader>();
        if (await loader.HasHistoryAsync())
        {
            if (ifEmpty)
            {
                Log("the database already holds a history; nothing to do");
                return 0;
            }
            Console.Error.WriteLine("citygen failed: the database already holds a history; use --reset to start again");
            return 1;
        }
        var clock = scope.ServiceProvider.GetRequiredService<CityClock>();
        var result = await loader.LoadAsync(new HistoryOptions
        {
            CasesPerYear = cases, Months = months, Seed = seed, Until = until ?? clock.UtcNow, Progress = Log,
        });
        Log(string.Create(CultureInfo.InvariantCulture,
            $"history loaded: {result.Cases:N0} cases, {result.Events:N0} events from {result.FirstDay:yyyy-MM-dd} to {clock.ToLocal(result.Until):yyyy-MM-dd HH:mm} in {watch.Elapsed.TotalSeconds:F0} s"));
        return 0;
    }

    private static void Log(string message) => Console.WriteLine($"[history {DateTime.Now:HH:mm:ss}] {message}");

    private static int Number(string text, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{what} must be a positive whole number, not '{text}'");
}
