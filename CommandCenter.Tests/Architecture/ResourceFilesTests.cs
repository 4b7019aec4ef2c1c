using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Architecture;

/// <summary>
/// The Chinese and English resource files are merged by several branches at once (git's union driver): each key once,
/// the same keys in both, and the same placeholders, or a page shows a key name or formats with a missing argument.
/// </summary>
public sealed partial class ResourceFilesTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "CommandCenter.Web", "Resources");

    private static List<(string Name, string Value)> Entries(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .Select(d => ((string)d.Attribute("name")!, (string?)d.Element("value") ?? "")).ToList();

    [Theory]
    [InlineData("SharedResource.resx")]
    [InlineData("SharedResource.en.resx")]
    public void Each_key_appears_once(string file)
    {
        var repeated = Entries(file).GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(repeated);
    }

    [Fact]
    public void Chinese_and_English_have_the_same_keys_and_placeholders()
    {
        var zh = Entries("SharedResource.resx").GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First().Value);
        var en = Entries("SharedResource.en.resx").GroupBy(e => e.Name).ToDictionary(g => g.Key, g => g.First().Value);
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(zh.Keys));
        var mismatched = zh.Where(kv => en.TryGetValue(kv.Key, out var e) && !Placeholders(kv.Value).SetEquals(Placeholders(e)))
            .Select(kv => kv.Key).ToList();
        Assert.Empty(mismatched);
        Assert.True(zh.Count > 500, $"only {zh.Count} texts: is this the right file?");
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
