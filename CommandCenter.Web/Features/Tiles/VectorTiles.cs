using System.Globalization;
using System.Text.RegularExpressions;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace CommandCenter.Web.Features.Tiles;

/// <summary>
/// Builds one Mapbox Vector Tile with PostGIS (<c>ST_AsMVT</c> / <c>ST_AsMVTGeom</c> on <c>ST_TileEnvelope</c>): the city's
/// geometry straight from its tables, simplified to the tile's resolution; open cases through the same scope and
/// filter as every other case read, with their clock read by the server, encoded in process by <see cref="PointTileWriter"/>.
/// </summary>
public sealed class VectorTiles(NpgsqlDataSource dataSource, CommandCenterDb db, CaseRulesProvider rulesProvider, CityClock clock)
{
    /// <summary>Tile coordinates per tile side, as MapLibre expects.</summary>
    public const int Extent = 4096;

    /// <summary>Geometry reaching this far (in tile units) beyond the edge is kept, so strokes join across tiles.</summary>
    public const int Buffer = 64;

    /// <summary>At most this many cases in one tile; a city-wide view that dense is read by its choropleth.</summary>
    public const int CaseCap = 5_000;

    private static readonly GeometryFactory Geo = new(new PrecisionModel(), CommandCenterDb.Srid);

    /// <summary>The complete statement for one geometry tile from <c>@z</c>, <c>@x</c>, <c>@y</c> and <c>@tol</c>; the benchmark's bare query is this one.</summary>
    public static string GeometrySql(TileLayer layer)
    {
        var rows = Regex.Replace(layer.RowsSql!, @"SHAPE\((\w+\.geom)\)",
            $"ST_AsMVTGeom(ST_Simplify(ST_Transform($1, 3857), @tol, true), {EnvelopeSql}, {Extent}, {Buffer}, true) AS tile_geom");
        rows = rows.Replace("@env4326", $"ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => {((double)Buffer / Extent).ToString(CultureInfo.InvariantCulture)}), {CommandCenterDb.Srid})", StringComparison.Ordinal);
        return $"SELECT ST_AsMVT(t, '{layer.Name}', {Extent}, 'tile_geom') FROM ({rows}) t WHERE tile_geom IS NOT NULL";
    }

    /// <summary>Binds a tile's envelope, margin and tolerance to a command running <see cref="GeometrySql"/>.</summary>
    public static void BindTile(NpgsqlCommand cmd, TileAddress tile)
    {
        cmd.Parameters.Add(new NpgsqlParameter("z", NpgsqlDbType.Integer) { Value = tile.Z });
        cmd.Parameters.Add(new NpgsqlParameter("x", NpgsqlDbType.Integer) { Value = tile.X });
        cmd.Parameters.Add(new NpgsqlParameter("y", NpgsqlDbType.Integer) { Value = tile.Y });
        // One tile unit: finer detail than that is lost in the tile's own quantisation anyway.
        cmd.Parameters.Add(new NpgsqlParameter("tol", NpgsqlDbType.Double) { Value = tile.WidthMetres / Extent });
    }

    /// <summary>The SQL envelope parameters, written in terms of @z/@x/@y so the bare benchmark query reads the same.</summary>
    public const string EnvelopeSql = "ST_TileEnvelope(@z, @x, @y)";

    public async Task<byte[]> GeometryTileAsync(TileLayer layer, TileAddress tile, CancellationToken ct)
    {
        if (tile.Z < layer.MinZoom || layer.RowsSql is null)
        {
            return [];
        }
        await using var cmd = dataSource.CreateCommand(GeometrySql(layer));
        BindTile(cmd, tile);
        return await cmd.ExecuteScalarAsync(ct) as byte[] ?? [];
    }

    /// <summary>Open cases in the tile that <paramref name="scope"/> may read and <paramref name="filter"/> keeps.</summary>
    public async Task<byte[]> CasesTileAsync(TileAddress tile, CaseFilter filter, ReadScope scope, CancellationToken ct)
    {
        if (tile.Z < TileLayer.Cases.MinZoom)
        {
            return [];
        }
        var rules = await rulesProvider.CurrentAsync(ct);
        var now = clock.UtcNow;
        var (w, s, e, n) = tile.Bounds((double)Buffer / Extent);
        var box = Geo.ToGeometry(new Envelope(w, e, s, n));
        var cases = await (filter with { OpenOnly = true }).Apply(db.Cases.AsNoTracking().VisibleTo(scope), now)
            .Where(c => c.Location.Intersects(box))
            .OrderByDescending(c => c.ReportedAt).Take(CaseCap)
            // Only the columns the tile draws and the clock reads (P4: a city-wide tile materialised thousands of whole rows).
            .Select(c => new Case
            {
                Id = c.Id, Number = c.Number, State = c.State, CategoryCode = c.CategoryCode, Source = c.Source, Description = "",
                Address = c.Address, Location = c.Location, GridCode = c.GridCode, DutyGridCode = c.DutyGridCode, CommunityCode = "",
                SubdistrictCode = "", StreetName = c.StreetName, DepartmentCode = c.DepartmentCode, ReportedAt = c.ReportedAt,
                StepStartedAt = c.StepStartedAt, StepDeadline = c.StepDeadline, StepLimitValue = c.StepLimitValue, StepLimitUnit = c.StepLimitUnit,
                ClockPausedAt = c.ClockPausedAt, SupervisionLevel = c.SupervisionLevel,
            })
            .ToListAsync(ct);
        // Encoded here, from the rows just read: handing them back to PostgreSQL for ST_AsMVT was a second round trip
        // carrying every value again (P4). The same properties, types and snapping as ST_AsMVT (see PointTileWriter).
        var writer = new PointTileWriter("cases", tile);
        foreach (var c in cases)
        {
            if (!writer.BeginPoint(c.Location.X, c.Location.Y))
            {
                continue;
            }
            var reading = c.ReadClock(rules.Clock, now);
            writer.Property("id", c.Id.ToString());
            writer.Property("number", c.Number);
            writer.Property("status", c.State.Slug());
            writer.Property("stage", c.State.StageOf().Slug());
            writer.Property("category", c.CategoryCode);
            writer.Property("categoryName", rules.Categories.GetValueOrDefault(c.CategoryCode)?.DisplayName ?? c.CategoryCode);
            writer.Property("source", c.Source.Slug());
            writer.Property("department", c.DepartmentCode);
            writer.Property("gridCode", c.GridCode);
            writer.Property("dutyGrid", c.DutyGridCode);
            writer.Property("reportedAt", c.ReportedAt.ToUnixTimeMilliseconds());
            writer.Property("deadline", c.StepDeadline?.ToUnixTimeMilliseconds());
            writer.Property("level", reading?.Level.ToString().ToLowerInvariant() ?? "green");
            writer.Property("overdue", reading?.IsOverdue ?? false);
            writer.Property("supervision", (long)c.SupervisionLevel);
            writer.Property("street", c.StreetName ?? c.Address);
            writer.EndPoint();
        }
        return writer.ToArray();
    }
}
