namespace CommandCenter.CityGen;

internal sealed record Community(string Code, string Name, string SubdistrictCode)
{
    /// <summary>Name without the 居委会 suffix, e.g. 长江路社区.</summary>
    public string ShortName => Name.EndsWith("居委会", StringComparison.Ordinal) ? Name[..^3] : Name;
}

internal sealed record Subdistrict(
    string Code, string Name, string DistrictCode, string DistrictName, double SeedLon, double SeedLat,
    IReadOnlyList<Community> Communities);

/// <summary>Reads the five real 街道 of the 新街口 area and all their 社区 (NBS 2023 codes) from the CSV.</summary>
internal static class AdminNames
{
    /// <summary>Seed points by rough real geography; a grid joins the nearest seed of its district.</summary>
    private static readonly (string Code, double Lon, double Lat)[] Seeds =
    [
        ("320102002", 118.793, 32.046), // 梅园新村街道: east (大行宫, 总统府)
        ("320102003", 118.785, 32.046), // 新街口街道 (玄武): centre-north
        ("320104006", 118.787, 32.038), // 五老村街道: south-east
        ("320104012", 118.772, 32.038), // 朝天宫街道: south-west
        ("320106002", 118.771, 32.047), // 华侨路街道: north-west
    ];

    public static IReadOnlyList<Subdistrict> Read(string csvPath)
    {
        var rows = File.ReadAllLines(csvPath).Skip(1)
            .Select(l => l.Split(','))
            .Where(c => c.Length >= 6 && Seeds.Any(s => s.Code == c[2]))
            .ToList();
        var result = new List<Subdistrict>();
        foreach (var (code, lon, lat) in Seeds)
        {
            var mine = rows.Where(r => r[2] == code).ToList();
            if (mine.Count == 0)
            {
                throw new InvalidDataException($"街道 {code} not found in {csvPath}");
            }

            // The CSV repeats some rows; keep one community per code, ordered by code.
            var communities = mine
                .GroupBy(r => r[4], StringComparer.Ordinal)
                .Select(g => new Community(g.Key, g.First()[5], code))
                .OrderBy(c => c.Code, StringComparer.Ordinal)
                .ToList();
            var first = mine[0];
            result.Add(new Subdistrict(code, first[3], first[0], first[1].Split(' ')[^1], lon, lat, communities));
        }

        return result;
    }
}
