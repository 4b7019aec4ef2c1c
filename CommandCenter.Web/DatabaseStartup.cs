using CommandCenter.Web.Data.Import;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web;

/// <summary>Migrates, optionally resets, and seeds the database before the app starts serving.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
            var logger = scope.ServiceProvider.GetRequiredService<ILogger<CommandCenterDb>>();
            if (options.Reset)
            {
                logger.LogWarning("Database:Reset is set: dropping the database and importing the demo city again");
                await db.Database.EnsureDeletedAsync(ct);
            }
            if (options.Migrate || options.Reset)
            {
                await db.Database.MigrateAsync(ct);
                // PostGIS types created by the migration must be known to this connection pool.
                await db.Database.OpenConnectionAsync(ct);
                await ((Npgsql.NpgsqlConnection)db.Database.GetDbConnection()).ReloadTypesAsync(ct);
                await db.Database.CloseConnectionAsync();
            }
            var importer = scope.ServiceProvider.GetRequiredService<CityImporter>();
            if ((options.SeedWhenEmpty || options.Reset) && await importer.IsEmptyAsync(ct))
            {
                await importer.ImportAsync(ResolveCityDataPath(options, app.Environment), ct);
            }
            await scope.ServiceProvider.GetRequiredService<Features.Auth.DemoUserSeeder>().SeedAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Features.Citizen.Open311Keys>().SeedDemoKeyAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Features.Streets.StreetChiefSeeder>().SeedAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Features.Duty.RosterSeeder>().SeedAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Features.Vendors.RegistrySeeder>().SeedAsync(ct);
        }
        // The follower takes its place in the logs before the caches load, so no change falls between the two.
        await app.Services.GetRequiredService<ChangeFollower>().InitializeAsync(ct);
        await app.Services.GetRequiredService<CityGeography>().ReloadAsync(ct);
    }

    public static string ResolveCityDataPath(DatabaseOptions options, IHostEnvironment env)
    {
        if (!string.IsNullOrWhiteSpace(options.CityDataPath))
        {
            return Path.GetFullPath(options.CityDataPath, env.ContentRootPath);
        }
        for (var dir = new DirectoryInfo(env.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "gis-data");
            if (File.Exists(Path.Combine(candidate, "unit-grids.geojson")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"No gis-data folder with unit-grids.geojson above {env.ContentRootPath}; set Database:CityDataPath.");
    }
}
