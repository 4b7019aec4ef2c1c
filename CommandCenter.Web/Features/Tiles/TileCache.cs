using System.Collections.Concurrent;
using System.Security.Cryptography;
using CommandCenter.Domain.Cases;
using CommandCenter.Web.Live;
using Microsoft.Extensions.Caching.Memory;

namespace CommandCenter.Web.Features.Tiles;

/// <summary>
/// Tiles built lately, with their ETag. Geometry tiles live until the city is reloaded (its version is in their key); case tiles for a few seconds
/// and only until a case event reaches their reader's scope: every event the <see cref="ChangeFollower"/> hands on
/// moves the version of the scope groups it goes to (the city, its duty grid, its departments), and the version is
/// part of the key, so the next request of that scope builds the tile again.
/// </summary>
public sealed class TileCache : IDisposable
{
    /// <summary>Clock colours move with time, not only with events: case tiles are built again after this at the latest.</summary>
    public static readonly TimeSpan CaseTileLifetime = TimeSpan.FromSeconds(15);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 128L * 1024 * 1024 });
    private readonly ConcurrentDictionary<string, long> _caseVersions = new(StringComparer.Ordinal);
    private readonly IDisposable _subscription;

    public TileCache(LiveFeed feed) =>
        _subscription = feed.OnCase(ReadScope.City, m =>
        {
            foreach (var group in m.Groups)
            {
                _caseVersions.AddOrUpdate(group, 1, (_, v) => v + 1);
            }
        });

    /// <summary>The version of a scope's case tiles (moves with every case event the scope may see).</summary>
    public long CaseVersion(ReadScope scope) => _caseVersions.GetValueOrDefault(scope.GroupName);

    /// <summary>The key of a geometry tile: the city's version is in it, so a reloaded city is drawn again.</summary>
    public static string GeometryKey(TileLayer layer, long cityVersion, TileAddress tile) => $"{layer.Name}/{cityVersion}/{tile}";

    /// <summary>Whether a tile is held (for the seeder's tests and logs).</summary>
    public bool Contains(string key) => _cache.TryGetValue(key, out _);

    public async Task<CachedTile> GetOrBuildAsync(string key, TimeSpan? lifetime, Func<Task<byte[]>> build)
    {
        if (_cache.TryGetValue(key, out CachedTile? hit) && hit is not null)
        {
            return hit;
        }
        var bytes = await build();
        var tile = new CachedTile(bytes, ETagOf(bytes));
        var options = new MemoryCacheEntryOptions { Size = Math.Max(bytes.Length, 64) };
        if (lifetime is { } l)
        {
            options.AbsoluteExpirationRelativeToNow = l;
        }
        _cache.Set(key, tile, options);
        return tile;
    }

    /// <summary>Drops every built tile (for when rows went away without events, as tests truncating their cases do).</summary>
    public void Forget() => _cache.Compact(1.0);

    private static string ETagOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 12))}\"";

    public void Dispose()
    {
        _subscription.Dispose();
        _cache.Dispose();
    }
}

/// <summary>A built tile and its entity tag.</summary>
public sealed record CachedTile(byte[] Bytes, string ETag);
