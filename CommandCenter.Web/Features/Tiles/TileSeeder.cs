using System.Diagnostics;
using CommandCenter.Web.City;
using CommandCenter.Web.Features.Map;

namespace CommandCenter.Web.Features.Tiles;

/// <summary>
/// Builds the city-view geometry tiles (grids, duty grids, streets, zones from their first zoom up to
/// <c>Map:SeedTilesToZoom</c>, 12 by default) into the <see cref="TileCache"/> once a city drawn from tiles is loaded,
/// and again after every reload. Those are the tiles every wall and operator map opens with and the dearest to build
/// (a z11 grid tile of a 20,000-grid city takes PostGIS a few hundred ms); deeper tiles are few per view and cheap.
/// </summary>
public sealed class TileSeeder(
    IServiceScopeFactory scopes, CityGeography city, TileCache cache, IConfiguration config, TimeProvider time, ILogger<TileSeeder> logger)
    : BackgroundService
{
    public const int DefaultSeedToZoom = 12;
    private static readonly TimeSpan Look = TimeSpan.FromSeconds(1);
    private long _seeded = -1;

    /// <summary>The city version whose tiles are all in the cache (-1 before the first seeding).</summary>
    public long SeededVersion => Interlocked.Read(ref _seeded);

    /// <summary>The geometry tiles seeded for a city whose grids span <paramref name="bounds"/>.</summary>
    public static IEnumerable<(TileLayer Layer, TileAddress Tile)> TilesFor(NetTopologySuite.Geometries.Envelope bounds, int toZoom) =>
        from layer in TileLayer.All
        where layer.RowsSql is not null
        from z in Enumerable.Range(layer.MinZoom, Math.Max(0, Math.Min(toZoom, layer.MaxZoom) - layer.MinZoom + 1))
        from tile in TileAddress.Covering(bounds.MinX, bounds.MinY, bounds.MaxX, bounds.MaxY, z)
        select (layer, tile);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Look, time);
        try
        {
            do
            {
                if (city.IsLoaded && city.Version != SeededVersion && MapApi.DrawnFromTiles(city.Index, config))
                {
                    await SeedAsync(stoppingToken);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Builds the loaded city's city-view tiles that are not cached yet; the number of tiles it went through.</summary>
    public async Task<int> SeedAsync(CancellationToken ct)
    {
        var version = city.Version;
        var started = Stopwatch.GetTimestamp();
        var toZoom = config.GetValue("Map:SeedTilesToZoom", DefaultSeedToZoom);
        var count = 0;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var tiles = scope.ServiceProvider.GetRequiredService<VectorTiles>();
            foreach (var (layer, tile) in TilesFor(city.Index.Bounds, toZoom))
            {
                if (city.Version != version)
                {
                    return count; // reloaded meanwhile: the next look seeds the new city
                }
                await cache.GetOrBuildAsync(TileCache.GeometryKey(layer, version, tile), null, () => tiles.GeometryTileAsync(layer, tile, ct));
                count++;
            }
            Interlocked.Exchange(ref _seeded, version);
            logger.LogInformation("Seeded {Tiles} geometry tiles up to z{Zoom} in {Ms:0} ms", count, toZoom, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The tiles are still built on request; the next reload tries again.
            Interlocked.Exchange(ref _seeded, version);
            logger.LogWarning(ex, "Seeding the city's tiles failed after {Tiles} tiles", count);
            return count;
        }
    }
}
