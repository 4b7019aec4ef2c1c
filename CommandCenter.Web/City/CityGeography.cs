using System.Collections.Concurrent;
using System.Text.Json;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Kiosks;
using CommandCenter.Domain.Streets;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.City;
using CommandCenter.Web.Data.Streets;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace CommandCenter.Web.City;

/// <summary>
/// The imported city held in memory: the <see cref="GridIndex"/> for lookups and each map layer
/// serialised once as GeoJSON, since the geography changes only on import.
/// </summary>
public sealed class CityGeography(IServiceScopeFactory scopes, ILogger<CityGeography> logger)
{
    /// <summary>Layers served by <c>/api/layers/{name}</c>; basemap layers come from OpenStreetMap.</summary>
    public static readonly string[] LayerNames =
        ["grids", "duty-grids", "communities", "subdistricts", "streets", "zones", "kiosks", "roads", "water", "waterways", "green", "buildings", "railways"];

    /// <summary>GeoJSON as the map reads it: NTS geometries, Chinese text unescaped.</summary>
    public static readonly JsonSerializerOptions GeoJson = CreateGeoJsonOptions();
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _layers = new(StringComparer.Ordinal);
    private GridIndex? _index;
    private StreetChiefRoster? _chiefs;
    private long _version;

    /// <summary>The spatial index; throws until the city has been loaded.</summary>
    public GridIndex Index => _index ?? throw new InvalidOperationException("The city has not been loaded yet.");

    public bool IsLoaded => _index is not null;

    /// <summary>
    /// The street-chief roster, so intake links a case to the chief in charge without a query; reloaded with the city
    /// on every street-chief change (<see cref="Data.Changes.ChangeTopics.ReloadsCity"/>).
    /// </summary>
    public StreetChiefRoster Chiefs => _chiefs ?? throw new InvalidOperationException("The city has not been loaded yet.");

    /// <summary>Moves on every reload, so caches of what was drawn from the city (vector tiles) know to build again.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Reads the city from the database and rebuilds the index and layer cache.</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
        var map = new CityMap(
            await db.Subdistricts.AsNoTracking().Select(s => new Subdistrict(s.Code, s.Name, s.DistrictCode, s.DistrictName, s.Geom)).ToListAsync(ct),
            await db.Communities.AsNoTracking().Select(c => new Community(c.Code, c.Name, c.SubdistrictCode, c.Geom)).ToListAsync(ct),
            await db.DutyGrids.AsNoTracking().Select(d => new DutyGrid(d.Code, d.Name, d.CommunityCode, d.MemberId, d.MemberName, d.Geom)).ToListAsync(ct),
            await db.UnitGrids.AsNoTracking().OrderBy(g => g.Code)
                .Select(g => new UnitGrid(g.Code, g.CommunityCode, g.SubdistrictCode, g.DutyGridCode, g.AreaM2, g.Geom)).ToListAsync(ct),
            await db.Streets.AsNoTracking().Select(s => new Street(s.Id, s.Name, s.RoadClass, s.Level, s.ChiefId, s.ChiefName, s.ChiefPhone, s.LengthM, s.Geom)).ToListAsync(ct),
            (await db.VendorZones.AsNoTracking().Where(z => z.RetiredAt == null).ToListAsync(ct)).Select(ToDomain).ToList(),
            (await db.Kiosks.AsNoTracking().ToListAsync(ct)).Select(ToDomain).ToList());
        var chiefs = await db.StreetChiefRosterAsync(ct);
        _index = new GridIndex(map);
        _chiefs = chiefs;
        _layers.Clear();
        Interlocked.Increment(ref _version);
        logger.LogInformation("City index loaded: {Grids} unit grids, {Streets} streets, {Zones} zones, {Kiosks} kiosks in {Ms:0} ms",
            map.UnitGrids.Count, map.Streets.Count, map.VendorZones.Count, map.Kiosks.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The layer as a UTF-8 GeoJSON FeatureCollection, or null for an unknown layer name.</summary>
    public Task<byte[]>? LayerAsync(string name)
    {
        if (!LayerNames.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }
        return _layers.GetOrAdd(name, n => new Lazy<Task<byte[]>>(() => BuildLayerAsync(n))).Value;
    }

    private async Task<byte[]> BuildLayerAsync(string name)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommandCenterDb>();
        var features = new FeatureCollection();
        switch (name)
        {
            case "grids":
                var communityNames = await db.Communities.ToDictionaryAsync(c => c.Code, c => c.Name);
                var subdistrictNames = await db.Subdistricts.ToDictionaryAsync(s => s.Code, s => s.Name);
                var members = await db.DutyGrids.ToDictionaryAsync(d => d.Code, d => d.MemberName);
                foreach (var g in await db.UnitGrids.AsNoTracking().OrderBy(g => g.Code).ToListAsync())
                {
                    features.Add(Feature(g.Geom, ("code", g.Code), ("community", communityNames.GetValueOrDefault(g.CommunityCode)),
                        ("communityCode", g.CommunityCode), ("subdistrict", subdistrictNames.GetValueOrDefault(g.SubdistrictCode)),
                        ("subdistrictCode", g.SubdistrictCode), ("dutyGrid", g.DutyGridCode), ("member", members.GetValueOrDefault(g.DutyGridCode)),
                        ("areaM2", g.AreaM2)));
                }
                break;
            case "duty-grids":
                foreach (var d in await db.DutyGrids.AsNoTracking().OrderBy(d => d.Code).ToListAsync())
                {
                    features.Add(Feature(d.Geom, ("code", d.Code), ("name", d.Name), ("communityCode", d.CommunityCode), ("member", d.MemberName)));
                }
                break;
            case "communities":
                foreach (var c in await db.Communities.AsNoTracking().OrderBy(c => c.Code).ToListAsync())
                {
                    features.Add(Feature(c.Geom, ("code", c.Code), ("name", c.Name), ("subdistrictCode", c.SubdistrictCode)));
                }
                break;
            case "subdistricts":
                foreach (var s in await db.Subdistricts.AsNoTracking().OrderBy(s => s.Code).ToListAsync())
                {
                    features.Add(Feature(s.Geom, ("code", s.Code), ("name", s.Name), ("districtCode", s.DistrictCode), ("district", s.DistrictName)));
                }
                break;
            case "streets":
                foreach (var s in await db.Streets.AsNoTracking().OrderBy(s => s.Id).ToListAsync())
                {
                    features.Add(Feature(s.Geom, ("id", s.Id), ("name", s.Name), ("roadClass", s.RoadClass), ("level", s.Level),
                        ("chief", s.ChiefName), ("chiefPhone", s.ChiefPhone), ("lengthM", s.LengthM)));
                }
                break;
            case "zones":
                foreach (var z in await db.VendorZones.AsNoTracking().Where(z => z.RetiredAt == null).OrderBy(z => z.Id).ToListAsync())
                {
                    features.Add(Feature(z.Geom, ("id", z.Id), ("name", z.Name), ("type", z.Type), ("windows", string.Join(", ", z.Windows)),
                        ("seasonFrom", z.SeasonFrom), ("seasonTo", z.SeasonTo), ("stallCount", z.StallCount), ("goods", z.Goods),
                        ("manager", z.Manager), ("schoolName", z.SchoolName), ("capacity", z.Capacity), ("operator", z.Operator)));
                }
                break;
            case "kiosks":
                foreach (var k in await db.Kiosks.AsNoTracking().OrderBy(k => k.Id).ToListAsync())
                {
                    features.Add(Feature(k.Geom, ("id", k.Id), ("name", k.Name), ("kind", k.Kind), ("services", string.Join(",", k.Services)),
                        ("hours", k.Hours), ("is24h", k.Is24h), ("hasToilet", k.HasToilet), ("radiusM", k.RadiusM),
                        ("lowSupplies", string.Join(",", k.Supplies.Where(s => s.IsLow).Select(s => s.Item)))));
                }
                break;
            default:
                foreach (var f in await db.BasemapFeatures.AsNoTracking().Where(f => f.Layer == name).OrderBy(f => f.Id).ToListAsync())
                {
                    features.Add(Feature(f.Geom, ("name", f.Name), ("nameEn", f.NameEn), ("kind", f.Kind), ("osmId", f.OsmId)));
                }
                break;
        }
        return JsonSerializer.SerializeToUtf8Bytes(features, GeoJson);
    }

    /// <summary>A stored zone as the domain sees it (legacy type slugs accepted).</summary>
    public static VendorZone ToDomain(VendorZoneRow z) => new(
        z.Id, z.Name, VendorZoneTypes.Parse(z.Type),
        new VendorZoneSchedule(WeeklyHours.Parse(z.Windows), SeasonsOf(z), z.ClosedDates, z.ClosedOnPublicHolidays),
        z.StallCount, z.MaxStallAreaM2, z.Goods, z.Manager, z.SchoolName, z.Geom, z.Capacity, z.Operator, z.BannedGoods);

    /// <summary>A zone's seasons: every one stored as "MM-dd/MM-dd", or the single imported season.</summary>
    public static IReadOnlyList<Season> SeasonsOf(VendorZoneRow z) =>
        z.Seasons.Length > 0
            ? z.Seasons.Select(s => s.Split('/')).Select(b => Season.Parse(b[0], b[1])).ToList()
            : z.SeasonFrom is null || z.SeasonTo is null ? [] : [Season.Parse(z.SeasonFrom, z.SeasonTo)];

    /// <summary>A stored kiosk as the domain sees it.</summary>
    public static Kiosk ToDomain(KioskRow k) =>
        new(k.Id, k.Name, k.Kind, k.Services, k.Hours, k.Is24h, k.HasToilet, k.RadiusM, k.Supplies, k.Phone, k.Geom);

    private static NetTopologySuite.Features.Feature Feature(Geometry geometry, params (string Name, object? Value)[] properties)
    {
        var attributes = new AttributesTable();
        foreach (var (key, value) in properties)
        {
            attributes.Add(key, value);
        }
        return new NetTopologySuite.Features.Feature(geometry, attributes);
    }

    private static JsonSerializerOptions CreateGeoJsonOptions()
    {
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.Converters.Add(new GeoJsonConverterFactory());
        return options;
    }
}
