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
/// filter as every other case read, with their clock read by the server, then encoded by the same functions.
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
        if (cases.Count == 0)
        {
            return [];
        }
        var readings = cases.Select(c => c.ReadClock(rules.Clock, now)).ToList();
        await using var cmd = dataSource.CreateCommand($"""
            SELECT ST_AsMVT(t, 'cases', {Extent}, 'tile_geom') FROM (
                SELECT ST_AsMVTGeom(ST_Transform(ST_SetSRID(ST_MakePoint(u.lon, u.lat), {CommandCenterDb.Srid}), 3857), {EnvelopeSql}, {Extent}, {Buffer}, true) AS tile_geom,
                       u.id, u.number, u.status, u.stage, u.category, u."categoryName", u.source, u.department, u."gridCode", u."dutyGrid",
                       u."reportedAt", u.deadline, u.level, u.overdue, u.supervision, u.street
                FROM unnest(@id, @number, @status, @stage, @category, @categoryName, @source, @department, @gridCode, @dutyGrid,
                            @reportedAt, @deadline, @level, @overdue, @supervision, @street, @lon, @lat)
                     AS u(id, number, status, stage, category, "categoryName", source, department, "gridCode", "dutyGrid",
                          "reportedAt", deadline, level, overdue, supervision, street, lon, lat)
            ) t WHERE tile_geom IS NOT NULL
            """);
        cmd.Parameters.AddWithValue("z", tile.Z);
        cmd.Parameters.AddWithValue("x", tile.X);
        cmd.Parameters.AddWithValue("y", tile.Y);
        void Texts(string name, Func<Case, string?> pick) =>
            cmd.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = cases.Select(pick).ToArray() });
        Texts("id", c => c.Id.ToString());
        Texts("number", c => c.Number);
        Texts("status", c => c.State.Slug());
        Texts("stage", c => c.State.StageOf().Slug());
        Texts("category", c => c.CategoryCode);
        Texts("categoryName", c => rules.Categories.GetValueOrDefault(c.CategoryCode)?.DisplayName ?? c.CategoryCode);
        Texts("source", c => c.Source.Slug());
        Texts("department", c => c.DepartmentCode);
        Texts("gridCode", c => c.GridCode);
        Texts("dutyGrid", c => c.DutyGridCode);
        Texts("street", c => c.StreetName ?? c.Address);
        cmd.Parameters.Add(new NpgsqlParameter("reportedAt", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = cases.Select(c => c.ReportedAt.ToUnixTimeMilliseconds()).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("deadline", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = cases.Select(c => c.StepDeadline?.ToUnixTimeMilliseconds()).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("level", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = readings.Select(r => r?.Level.ToString().ToLowerInvariant() ?? "green").ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("overdue", NpgsqlDbType.Array | NpgsqlDbType.Boolean) { Value = readings.Select(r => r?.IsOverdue ?? false).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("supervision", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = cases.Select(c => c.SupervisionLevel).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("lon", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = cases.Select(c => c.Location.X).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("lat", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = cases.Select(c => c.Location.Y).ToArray() });
        return await cmd.ExecuteScalarAsync(ct) as byte[] ?? [];
    }
}
