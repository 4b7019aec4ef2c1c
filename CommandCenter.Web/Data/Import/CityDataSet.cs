using CommandCenter.Web.Data.City;

namespace CommandCenter.Web.Data.Import;

/// <summary>A complete, validated demo city, ready to be written in one transaction.</summary>
public sealed record CityDataSet(
    List<SubdistrictRow> Subdistricts,
    List<CommunityRow> Communities,
    List<DutyGridRow> DutyGrids,
    List<UnitGridRow> UnitGrids,
    List<StreetRow> Streets,
    List<VendorZoneRow> VendorZones,
    List<KioskRow> Kiosks,
    List<DepartmentRow> Departments,
    List<PersonRow> People,
    List<CategoryRow> Categories,
    List<BasemapFeatureRow> Basemap);
