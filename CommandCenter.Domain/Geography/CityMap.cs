using CommandCenter.Domain.Kiosks;
using CommandCenter.Domain.Zones;

namespace CommandCenter.Domain.Geography;

/// <summary>The demo city's management geography: admin areas, grids, streets, vending zones and kiosks.</summary>
public sealed record CityMap(
    IReadOnlyList<Subdistrict> Subdistricts,
    IReadOnlyList<Community> Communities,
    IReadOnlyList<DutyGrid> DutyGrids,
    IReadOnlyList<UnitGrid> UnitGrids,
    IReadOnlyList<Street> Streets,
    IReadOnlyList<VendorZone> VendorZones,
    IReadOnlyList<Kiosk> Kiosks);
