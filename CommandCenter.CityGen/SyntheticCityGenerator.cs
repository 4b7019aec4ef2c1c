namespace CommandCenter.CityGen;

/// <summary>
/// Second mode of the generator: a deterministic synthetic city of any size (e.g. 20,000 unit grids) for the
/// city-scale benchmark, written as a gis-data-shaped folder that the app's importer loads unchanged.
/// </summary>
public static class SyntheticCityGenerator
{
    /// <summary>Where the CLI writes when no folder is given (git-ignored with the rest of .data/).</summary>
    public const string DefaultOutputDir = ".data/scale-city";

    public const int MinGrids = 100;
    public const int MaxGrids = 100_000;

    /// <summary>Generates all files for about <paramref name="gridCount"/> unit grids; the same count and seed give byte-identical output.</summary>
    public static void Generate(string outputDir, int gridCount, int seed = 1) => Run(outputDir, gridCount, seed);

    /// <summary>Like <see cref="Generate"/>, returning the human-readable summary the command line prints.</summary>
    public static string Run(string outputDir, int gridCount, int seed = 1)
    {
        if (gridCount is < MinGrids or > MaxGrids)
        {
            throw new ArgumentOutOfRangeException(nameof(gridCount), gridCount, $"The synthetic city takes {MinGrids}–{MaxGrids} unit grids.");
        }

        // Streets, zones and kiosks scale with the city: 2,000 / 300 / 100 at 20,000 grids.
        var wantedStreets = Math.Max(10, gridCount / 10);
        var zoneCount = Math.Max(10, (int)Math.Round(gridCount * 0.015));
        var kioskCount = Math.Max(4, (int)Math.Round(gridCount * 0.005));

        var layout = SyntheticGridLayout.Create(gridCount, seed);
        var places = new SyntheticPlaceNames(seed);
        var admin = SyntheticAdminBuilder.Build(layout, places, seed);
        OutputValidator.ValidateGrids(admin.Grids, admin.Communities, layout.Extent);
        var unions = AdminLayerWriter.Build(admin.Grids, admin.Subdistricts, admin.Communities, admin.DutyGrids, layout.Extent);

        var streets = SyntheticStreetBuilder.Build(layout, places, seed, wantedStreets);
        var names = new DemoNames($"synthetic/{seed}/");
        var people = PeopleBuilder.Build(admin.DutyGrids, streets, names);
        var streetIndex = new NearestStreetIndex(streets);
        var zones = SyntheticVendorZoneBuilder.Build(admin, streetIndex, people, places, seed, zoneCount);
        var kiosks = SyntheticKioskBuilder.Build(admin, streetIndex, names, seed, kioskCount);

        var attribution = DataAttribution.Synthetic;
        Directory.CreateDirectory(outputDir);
        BasemapBuilder.WriteEmpty(outputDir, attribution);
        AdminLayerWriter.Write(outputDir, admin.Grids, admin.Communities, unions, attribution);
        ServiceLayerWriter.WriteStreets(outputDir, streets, attribution);
        ServiceLayerWriter.WriteVendorZones(outputDir, zones, attribution);
        ServiceLayerWriter.WriteKiosks(outputDir, kiosks, attribution);
        TableWriter.WriteDepartments(outputDir);
        TableWriter.WriteCategories(outputDir, CategoryTable.All);
        TableWriter.WritePeople(outputDir, people);

        var summary = Summarise(admin, layout, streets, zones, kiosks, people, gridCount, seed);
        SyntheticReadmeWriter.Write(outputDir, summary);
        return summary.ToString();
    }

    private static SyntheticCitySummary Summarise(SyntheticAdmin admin, SyntheticGridLayout layout, IReadOnlyList<NamedStreet> streets,
        IReadOnlyList<VendorZone> zones, IReadOnlyList<Kiosk> kiosks, IReadOnlyList<Person> people, int requested, int seed)
    {
        var grids = admin.Grids;
        var areas = grids.Select(g => g.AreaM2).Order().ToList();
        var communitySizes = Enumerable.Range(0, admin.Communities.Count).Select(c => grids.Count(g => g.Community == c)).ToList();
        var districts = admin.Subdistricts.GroupBy(s => (s.DistrictCode, s.DistrictName))
            .Select(d => (d.Key.DistrictCode, d.Key.DistrictName, d.Count(), d.Sum(s => s.Communities.Count),
                grids.Count(g => g.DistrictCode == d.Key.DistrictCode)))
            .ToList();
        return new SyntheticCitySummary
        {
            Seed = seed,
            RequestedGrids = requested,
            Columns = layout.Columns,
            Rows = layout.Rows,
            Extent = (layout.MinLon, layout.MinLat, layout.MaxLon, layout.MaxLat),
            AreaKm2 = areas.Sum() / 1e6,
            Grids = grids.Count,
            MinArea = areas[0],
            MedianArea = areas[areas.Count / 2],
            MeanArea = areas.Average(),
            MaxArea = areas[^1],
            Districts = districts,
            Subdistricts = admin.Subdistricts.Count,
            Communities = admin.Communities.Count,
            MinCommunitySize = communitySizes.Min(),
            MaxCommunitySize = communitySizes.Max(),
            DutyGrids = admin.DutyGrids.Count,
            MinDutySize = admin.DutyGrids.Min(d => d.Members.Count),
            MaxDutySize = admin.DutyGrids.Max(d => d.Members.Count),
            Streets = streets.Count,
            StreetChiefs = streets.Count(s => s.Level == "街长"),
            AlleyChiefs = streets.Count(s => s.Level == "巷长"),
            StreetKm = streets.Sum(s => s.LengthM) / 1000,
            ZonesByType = new SortedDictionary<string, int>(zones.GroupBy(z => z.Type).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal),
            Kiosks = kiosks.Count,
            Stations = kiosks.Count(k => k.Kind == "station"),
            Departments = DepartmentTable.All.Count,
            Categories = CategoryTable.All.Count,
            People = people.Count,
        };
    }
}
