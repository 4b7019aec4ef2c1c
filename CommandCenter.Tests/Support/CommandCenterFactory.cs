using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using CommandCenter.Web.Features.Tiles;
using Npgsql;

namespace CommandCenter.Tests.Support;

/// <summary>
/// The real app on a real Kestrel port against the tests' PostGIS database: the database is dropped, migrated and the
/// demo city imported once when the factory starts. The app runs on a fake clock that stands still until a test moves
/// it, starting on Tuesday 1 December 2026 at 09:00 in Nanjing, so SLA behaviour end to end is deterministic.
/// </summary>
public sealed class CommandCenterFactory : WebApplicationFactory<Program>
{
    /// <summary>Tuesday 1 December 2026, 09:00 city time: a working morning.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public CommandCenterFactory() => UseKestrel(0);

    /// <summary>The app's clock; tests advance it (it never goes back).</summary>
    public FakeTimeProvider Time { get; } = new(Start.ToUniversalTime());

    /// <summary>The base address browsers use, e.g. http://127.0.0.1:41234.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:CommandCenter", TestDatabase.ConnectionString);
        builder.UseSetting("Database:Reset", "true");
        builder.UseSetting("Database:CityDataPath", RepoPaths.GisData);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        // Hundreds of tests sign in from loopback; the throttling test uses addresses of its own (127.0.0.2x).
        builder.UseSetting("Auth:SignInThrottleExempt", "127.0.0.1");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>
    /// Leaves the database as a test class found it: the cases, their audit trail, counters and photos it wrote are
    /// removed (TRUNCATE, which the append-only triggers do not stop; only the tests' own database is touched).
    /// </summary>
    public async Task ForgetCasesAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("TRUNCATE cases, case_events, case_number_counters, photos, alerts, citizen_reports, intake_blocks, case_intakes, party_offences, kiosk_log, kiosk_duties, case_facts, case_assignments, red_black_snapshots", connection);
        await cmd.ExecuteNonQueryAsync();
        // Tiles built from the truncated cases would outlive them: truncation writes no case events.
        Services.GetService<TileCache>()?.Forget();
        Services.GetService<CommandCenter.Web.Features.Wall.WallFigures>()?.Forget();
    }
}
