namespace CommandCenter.CityGen;

/// <summary>Entry point: builds every gis-data file from gis-source, deterministically.</summary>
public static class CityGenerator
{
    /// <summary>Generates all files; the same input gives byte-identical output.</summary>
    public static void Generate(string sourceDir, string outputDir) => Run(sourceDir, outputDir);

    /// <summary>Like <see cref="Generate"/>, returning the human-readable summary the command line prints.</summary>
    public static string Run(string sourceDir, string outputDir)
    {
        var src = SourceData.Load(sourceDir);
        var subdistricts = AdminNames.Read(src.AdminNamesCsv);
        var communities = subdistricts.SelectMany(s => s.Communities).ToList();

        // Grids and the admin layers built from them.
        var grids = UnitGridBuilder.Build(src);
        var adjacency = new GridAdjacency(grids);
        AdminAssigner.Assign(grids, subdistricts, communities, adjacency);
        var duty = AdminAssigner.BuildDutyGrids(grids, communities, adjacency);
        OutputValidator.ValidateGrids(grids, communities, CoreArea.RectDegrees);
        var unions = AdminLayerWriter.Build(grids, subdistricts, communities, duty, CoreArea.RectDegrees);

        // Street chiefs, people, vendor zones, kiosks, tables.
        var streets = StreetChiefBuilder.Build(src);
        var names = new DemoNames();
        var people = PeopleBuilder.Build(duty, streets, names);
        var zones = VendorZoneBuilder.Build(streets, SchoolFinder.Find(src), people);
        var kiosks = KioskBuilder.Build(src, streets, names);
        var categories = CategoryTable.All;
        var unknownDept = categories.FirstOrDefault(c => DepartmentTable.All.All(d => d.Code != c.Department));
        if (unknownDept is not null)
        {
            throw new InvalidOperationException($"Category {unknownDept.Code} names unknown department {unknownDept.Department}");
        }

        // Everything is validated; now write.
        Directory.CreateDirectory(outputDir);
        var basemap = BasemapBuilder.Write(src, outputDir);
        AdminLayerWriter.Write(outputDir, grids, communities, unions);
        ServiceLayerWriter.WriteStreets(outputDir, streets);
        ServiceLayerWriter.WriteVendorZones(outputDir, zones);
        ServiceLayerWriter.WriteKiosks(outputDir, kiosks);
        TableWriter.WriteDepartments(outputDir);
        TableWriter.WriteCategories(outputDir, categories);
        TableWriter.WritePeople(outputDir, people);
        CalendarCopier.Copy(sourceDir, outputDir);

        var areas = grids.Select(g => g.AreaM2).Order().ToList();
        var summary = new GenerationSummary
        {
            Basemap = basemap,
            Grids = grids.Count,
            MinArea = areas[0],
            MedianArea = areas[areas.Count / 2],
            MaxArea = areas[^1],
            MeanArea = areas.Average(),
            Subdistricts = subdistricts.Select((s, i) => (s.Name, s.Communities.Count, grids.Count(g => g.Subdistrict == i))).ToList(),
            Communities = communities.Count,
            DutyGrids = duty.Count,
            MinDutySize = duty.Min(d => d.Members.Count),
            MaxDutySize = duty.Max(d => d.Members.Count),
            Streets = streets.Count,
            StreetChiefs = streets.Count(s => s.Level == "街长"),
            AlleyChiefs = streets.Count(s => s.Level == "巷长"),
            GuidedZones = zones.Count(z => z.Type != "banned"),
            BannedZones = zones.Count(z => z.Type == "banned"),
            Kiosks = kiosks.Count,
            Departments = DepartmentTable.All.Count,
            Categories = categories.Count,
            People = people.Count,
        };
        ReadmeWriter.Write(outputDir, summary);
        return summary.ToString();
    }
}
