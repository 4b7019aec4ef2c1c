namespace CommandCenter.Tests.Support;

/// <summary>Where the repository, its generated city and the shared OSM source live, seen from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string GisData => Path.Combine(Root, "gis-data");

    /// <summary>The read-only OSM extract and admin names beside the repository (../shared/gis-source).</summary>
    public static string GisSource => Path.GetFullPath(Path.Combine(Root, "..", "shared", "gis-source"));

    /// <summary>Where tests leave screenshots for people to look at.</summary>
    public static string Artifacts
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("CC_ARTIFACTS") is { Length: > 0 } env ? env : Path.Combine(Root, "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommandCenter.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("CommandCenter.sln not found above " + AppContext.BaseDirectory);
    }
}
