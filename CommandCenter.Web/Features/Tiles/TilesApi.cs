using System.Globalization;
using System.Security.Claims;
using CommandCenter.Domain.Cases;
using CommandCenter.Web.City;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Identity;
using CommandCenter.Web.Problems;

namespace CommandCenter.Web.Features.Tiles;

/// <summary>
/// <c>GET /tiles/{layer}/{z}/{x}/{y}.mvt</c>: grids, duty grids, streets, zones and open cases as Mapbox Vector Tiles.
/// Geometry tiles may be cached by browsers for a minute; case tiles are revalidated each time (ETag → 304) and only
/// show what the reader may read, filtered like <c>/api/map/cases</c>.
/// </summary>
public static class TilesApi
{
    public const string ContentType = "application/vnd.mapbox-vector-tile";

    public static IEndpointRouteBuilder MapTilesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/tiles/{layer}/{z}/{x}/{y}.mvt", Tile).WithName("GetTile").WithTags("Map");
        return app;
    }

    private static async Task<IResult> Tile(string layer, string z, string x, string y, [AsParameters] CaseFilter filter,
        HttpContext http, ClaimsPrincipal user, VectorTiles tiles, TileCache cache, CityGeography city, CancellationToken ct)
    {
        if (TileLayer.Named(layer) is not { } kind)
        {
            return Problem.NotFound("NoSuchLayer", layer, string.Join(", ", TileLayer.All.Select(l => l.Name)));
        }
        if (TileAddress.Parse(z, x, y, out var errors) is not { } tile)
        {
            return Problem.BadRequest([.. errors]);
        }
        CachedTile built;
        if (kind == TileLayer.Cases)
        {
            if (user.ToActor() is not { } actor)
            {
                return Problem.Unauthorized("SignInRequired");
            }
            var scope = ReadScope.For(actor);
            var query = string.Join("&", filter.ToQuery().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
            // The category names in the tile are in the reader's language.
            var key = $"cases/{scope.GroupName}/{cache.CaseVersion(scope)}/{CultureInfo.CurrentUICulture.Name}/{tile}?{query}";
            built = await cache.GetOrBuildAsync(key, TileCache.CaseTileLifetime, () => tiles.CasesTileAsync(tile, filter, scope, ct));
            http.Response.Headers.CacheControl = "private, no-cache";
        }
        else
        {
            built = await cache.GetOrBuildAsync(TileCache.GeometryKey(kind, city.Version, tile), null, () => tiles.GeometryTileAsync(kind, tile, ct));
            http.Response.Headers.CacheControl = "public, max-age=60";
        }
        http.Response.Headers.ETag = built.ETag;
        if (http.Request.Headers.IfNoneMatch.Contains(built.ETag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(built.Bytes, ContentType);
    }
}
