using System.Globalization;

namespace CommandCenter.CityGen;

/// <summary>Writes the synthetic city's README.md: what it is, the command that made it, and its counts.</summary>
internal static class SyntheticReadmeWriter
{
    public static void Write(string outputDir, SyntheticCitySummary s)
    {
        var inv = CultureInfo.InvariantCulture;
        var districtRows = string.Join("\n", s.Districts.Select(d => string.Create(inv, $"| {d.Code} {d.Name} | {d.Subdistricts} | {d.Communities} | {d.Grids} |")));
        var zoneList = string.Join(", ", s.ZonesByType.Select(kv => string.Create(inv, $"`{kv.Key}` {kv.Value}")));
        var text = string.Create(inv, $$"""
            # Synthetic city (scale benchmark) — seed {{s.Seed}}

            **SYNTHETIC DATA. Not OpenStreetMap, not a real city.** Every polygon, line, name, code, person and phone
            number here is invented by `CommandCenter.CityGen` from a seed; only the placement (centred on 南京 新街口,
            lon {{LocalProjection.Lon0}}, lat {{LocalProjection.Lat0}}, so the app's map opens on it) and the department
            and category tables (identical to the demo city's) are shared with `gis-data/`. Generated, do not edit;
            regenerate from the repository root with

                dotnet run --project CommandCenter.CityGen -- --synthetic {{s.RequestedGrids}} <outDir> --seed {{s.Seed}}

            The same grid count and seed give byte-identical files. The folder has the same files and properties as
            `gis-data/` (see `gis-data/README.md`), so the app's importer loads it unchanged, e.g.
            `Database__CityDataPath=<absolute outDir> ./run.sh --reset`. The basemap layers are present but empty.

            ## Counts

            | what | count |
            |---|---|
            | `unit-grids.geojson` | {{s.Grids}} (area m² min {{s.MinArea:F0}} / median {{s.MedianArea:F0}} / mean {{s.MeanArea:F0}} / max {{s.MaxArea:F0}}) |
            | `subdistricts.geojson` | {{s.Subdistricts}} 街道 |
            | `communities.geojson` | {{s.Communities}} 社区 ({{s.MinCommunitySize}}–{{s.MaxCommunitySize}} grids) |
            | `duty-grids.geojson` | {{s.DutyGrids}} 责任网格 ({{s.MinDutySize}}–{{s.MaxDutySize}} grids), one `gridmember` each |
            | `streets.geojson` | {{s.Streets}} ({{s.StreetChiefs}} 街长, {{s.AlleyChiefs}} 巷长; {{s.StreetKm:F0}} km), one `streetchief` each |
            | `vendor-zones.geojson` | {{s.ZonesByType.Values.Sum()}}: {{zoneList}} |
            | `kiosks.geojson` | {{s.Kiosks}} ({{s.Stations}} `station`, the rest `kiosk`) |
            | `departments.json` / `categories.json` | {{s.Departments}} / {{s.Categories}} |
            | `people.json` | {{s.People}} |
            | `basemap/*.geojson` | 0 (empty FeatureCollections; the importer requires the files) |

            | district | 街道 | 社区 | unit grids |
            |---|---|---|---|
            {{districtRows}}

            ## How it is made

            1. **Grids**: a {{s.Columns}} × {{s.Rows}} lattice of {{SyntheticGridLayout.CellSizeM:F0}} m cells over lon {{s.Extent.MinLon}}–{{s.Extent.MaxLon}},
               lat {{s.Extent.MinLat}}–{{s.Extent.MaxLat}} ({{s.AreaKm2:F1}} km²), warped by a smooth seeded displacement field plus
               jitter, with a middle point on every edge. Each vertex is rounded to 7 decimals once and shared by every cell
               and street touching it, so neighbours have identical edges; the grids tile the rectangle (checked: validity,
               no interior overlaps, NTS `CoverageValidator`, area sum and union within 0.1 % of the rectangle).
            2. **Districts** (codes 32019x, invented names) are rectangles of the lattice bordered by main roads. **街道**:
               seeds at the centres of a bisection of each district, each grid joins the nearest seed of its district.
               **社区** ({{SyntheticAdminBuilder.MinGridsPerCommunity:F0}}–{{SyntheticAdminBuilder.MaxGridsPerCommunity:F0}} grids, the target drawn per 街道) and **责任网格** (about {{AdminAssigner.GridsPerDutyGrid:F0}} grids, code `<社区code>-Znn`)
               by recursive bisection, made contiguous — the demo city's `AdminAssigner`. Codes have occasional gaps.
            3. **Grid code** = 6 district + 3 街道 + 3 社区 + 3 sequence, the sequence west→east then north→south inside the 社区
               (100 m latitude bands north→south, then x), as in the demo city.
            4. **Streets** lie exactly on grid edges: every 5th lattice line is a main road (街长: primary / secondary /
               tertiary), the other even lines back streets (巷长: residential / living_street), cut into named pieces.
            5. **Vendor zones** lie strictly inside one grid each and never in neighbouring grids: `banned` = the grid of an
               invented school shrunk to 60 %; guided = a 14 m × 60 m band with the demo city's windows, seasons and goods.
            6. **Kiosks**: one per compact group of grids, 9 m beside the nearest street; radius 1000–1500 m; some supplies
               are deliberately below their threshold.

            """);
        File.WriteAllText(Path.Combine(outputDir, "README.md"), text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
