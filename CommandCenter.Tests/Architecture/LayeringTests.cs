using System.Text.RegularExpressions;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Architecture;

/// <summary>
/// The layers of CommandCenter.Web point one way: persistence and the shared homes (city, rules, live bus, identity,
/// localisation, problems, components) never reach into a feature, and features do not depend on each other in circles.
/// Read from the source files' namespaces and usings, so a new file cannot slip past.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly string Web = Path.Combine(RepoPaths.Root, "CommandCenter.Web");
    private static readonly string[] SharedHomes = ["Data", "City", "Rules", "Live", "Identity", "Localization", "Problems"];

    [Fact]
    public void Persistence_and_the_shared_homes_do_not_import_features()
    {
        var offenders = SharedHomes.SelectMany(home => Sources(Path.Combine(Web, home)))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => FeatureReferences(File.ReadAllText(f)).Any())
            .Select(f => Path.GetRelativePath(Web, f))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Features_do_not_reference_each_other_in_circles()
    {
        var features = Directory.GetDirectories(Path.Combine(Web, "Features")).Select(Path.GetFileName).ToList();
        var edges = features.ToDictionary(f => f!, f => Sources(Path.Combine(Web, "Features", f!))
            .SelectMany(file => FeatureReferences(File.ReadAllText(file))).Where(other => other != f).ToHashSet());
        foreach (var start in features)
        {
            // Depth-first: a path back to the start is a circle.
            var stack = new Stack<(string Node, string Path)>([(start!, start!)]);
            var seen = new HashSet<string>();
            while (stack.TryPop(out var item))
            {
                foreach (var next in edges.GetValueOrDefault(item.Node) ?? [])
                {
                    Assert.False(next == start, $"features reference each other in a circle: {item.Path} → {next}");
                    if (seen.Add(next))
                    {
                        stack.Push((next, $"{item.Path} → {next}"));
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Sources(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            : [];

    /// <summary>Which features a file names: usings, qualified names and razor usings alike.</summary>
    private static IEnumerable<string> FeatureReferences(string text) =>
        FeatureName().Matches(text).Select(m => m.Groups[1].Value).Distinct();

    [GeneratedRegex(@"(?:CommandCenter\.Web\.|(?<![\w.]))Features\.([A-Z][A-Za-z]+)")]
    private static partial Regex FeatureName();
}
