using CommandCenter.Web.City;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Kiosks;
using CommandCenter.Domain.Zones;
using CommandCenter.Tests.Support;
using CommandCenter.Web.Data.Import;
using CommandCenter.Web.Features.Map;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace CommandCenter.Tests.Domain;

/// <summary>The committed demo city (gis-data/) read from its files, as domain objects, loaded once.</summary>
public static class DemoCity
{
    private static readonly Lazy<CityMap> Loaded = new(Load);
    private static readonly Lazy<Geometry> LoadedArea = new(() => UnaryUnionOp.Union(Map.UnitGrids.Select(g => (Geometry)g.Shape).ToList()));

    public static CityMap Map => Loaded.Value;

    /// <summary>The union of the unit grids: the city area zones must lie in.</summary>
    public static Geometry Area => LoadedArea.Value;

    public static VendorZone Zone(string id) => Map.VendorZones.Single(z => z.Id == id);

    public static Kiosk Kiosk(string id) => Map.Kiosks.Single(k => k.Id == id);

    private static CityMap Load()
    {
        var data = CityDataLoader.Load(RepoPaths.GisData);
        return new CityMap(
            data.Subdistricts.Select(s => new Subdistrict(s.Code, s.Name, s.DistrictCode, s.DistrictName, s.Geom)).ToList(),
            data.Communities.Select(c => new Community(c.Code, c.Name, c.SubdistrictCode, c.Geom)).ToList(),
            data.DutyGrids.Select(d => new DutyGrid(d.Code, d.Name, d.CommunityCode, d.MemberId, d.MemberName, d.Geom)).ToList(),
            data.UnitGrids.OrderBy(g => g.Code, StringComparer.Ordinal)
                .Select(g => new UnitGrid(g.Code, g.CommunityCode, g.SubdistrictCode, g.DutyGridCode, g.AreaM2, g.Geom)).ToList(),
            data.Streets.Select(s => new Street(s.Id, s.Name, s.RoadClass, s.Level, s.ChiefId, s.ChiefName, s.ChiefPhone, s.LengthM, s.Geom)).ToList(),
            data.VendorZones.Select(CityGeography.ToDomain).ToList(),
            data.Kiosks.Select(CityGeography.ToDomain).ToList());
    }
}
