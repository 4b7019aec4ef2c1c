namespace CommandCenter.Web.Features.Tiles;

/// <summary>
/// A layer served as Mapbox Vector Tiles: its name (also the MVT layer name), the zooms it has features at (outside
/// them its tiles are empty; the map's source stops asking above <see cref="MaxZoom"/> and over-zooms), and for the
/// city's geometry the SQL that selects its rows in a tile (<c>@env</c> 3857 envelope, <c>@env4326</c> the same grown by a
/// margin in the stored SRID, <c>@tol</c> the simplification tolerance in metres; <c>SHAPE(alias.geom)</c> marks the
/// geometry that becomes the tile's).
/// </summary>
public sealed record TileLayer(string Name, int MinZoom, int MaxZoom, string? RowsSql)
{
    public static readonly TileLayer Grids = new("grids", 10, 16, """
        SELECT g.code, g.community_code AS "communityCode", c.name AS community, g.subdistrict_code AS "subdistrictCode",
               s.name AS subdistrict, g.duty_grid_code AS "dutyGrid", d.member_name AS member, round(g.area_m2)::int AS "areaM2", SHAPE(g.geom)
        FROM unit_grids g
        LEFT JOIN communities c ON c.code = g.community_code
        LEFT JOIN subdistricts s ON s.code = g.subdistrict_code
        LEFT JOIN duty_grids d ON d.code = g.duty_grid_code
        WHERE g.geom && @env4326
        """);

    public static readonly TileLayer DutyGrids = new("duty-grids", 10, 16, """
        SELECT d.code, d.name, d.community_code AS "communityCode", d.member_name AS member, SHAPE(d.geom)
        FROM duty_grids d WHERE d.geom && @env4326
        """);

    public static readonly TileLayer Streets = new("streets", 11, 16, """
        SELECT s.id, s.name, s.road_class AS "roadClass", s.level, s.chief_name AS chief, s.chief_phone AS "chiefPhone", round(s.length_m)::int AS "lengthM", SHAPE(s.geom)
        FROM streets s WHERE s.geom && @env4326
        """);

    public static readonly TileLayer Zones = new("zones", 10, 16, """
        SELECT z.id, z.name, z.type, array_to_string(z.windows, ', ') AS windows, z.stall_count AS "stallCount", z.school_name AS "schoolName", SHAPE(z.geom)
        FROM vendor_zones z WHERE z.geom && @env4326
        """);

    /// <summary>Open cases the reader may read, drawn by the server's reading of their clock (built in <see cref="VectorTiles"/>).</summary>
    public static readonly TileLayer Cases = new("cases", 10, 16, null);

    public static readonly IReadOnlyList<TileLayer> All = [Grids, DutyGrids, Streets, Zones, Cases];

    public static TileLayer? Named(string name) => All.FirstOrDefault(l => l.Name == name);
}
