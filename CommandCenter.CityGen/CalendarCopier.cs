namespace CommandCenter.CityGen;

/// <summary>
/// The public-holiday calendars (China's State Council notices, one CSV a year) travel with the city: copied from the
/// shared source's <c>calendar/</c> folder beside <c>gis-source/</c> into <c>gis-data/calendar/</c>, where the importer seeds them.
/// </summary>
internal static class CalendarCopier
{
    public static void Copy(string sourceDir, string outputDir)
    {
        var from = Path.GetFullPath(Path.Combine(sourceDir, "..", "calendar"));
        if (!Directory.Exists(from))
        {
            return;
        }
        var to = Path.Combine(outputDir, "calendar");
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from).Where(f => f.EndsWith(".csv", StringComparison.Ordinal) || Path.GetFileName(f) == "README.md"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }
}
