using CommandCenter.Web.City;
using CommandCenter.Web.Problems;

namespace CommandCenter.Web.Features.Map;

/// <summary>GeoJSON layers of the city for the map: grids, admin areas, streets, zones, kiosks and the OSM basemap.</summary>
public static class LayersApi
{
    public static IEndpointRouteBuilder MapLayersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/grids", (CityGeography city) => Layer(city, "grids"))
            .WithName("GetGrids").WithTags("Map");
        app.MapGet("/api/layers/{name}", (string name, CityGeography city) => Layer(city, name))
            .WithName("GetLayer").WithTags("Map");
        return app;
    }

    private static async Task<IResult> Layer(CityGeography city, string name)
    {
        var layer = city.LayerAsync(name);
        if (layer is null)
        {
            return Problem.NotFound("NoSuchLayer", name, string.Join(", ", CityGeography.LayerNames));
        }
        return Results.Bytes(await layer, "application/geo+json");
    }
}
