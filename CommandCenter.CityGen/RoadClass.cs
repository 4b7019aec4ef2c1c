namespace CommandCenter.CityGen;

/// <summary>Ranks OSM highway classes so a street can report its most important part.</summary>
internal static class RoadClass
{
    private static readonly string[] Ranked =
    [
        "trunk", "primary", "secondary", "tertiary", "unclassified", "residential", "living_street",
        "pedestrian", "service", "footway", "path", "cycleway", "steps",
    ];

    /// <summary>*_link ramps count as their parent class.</summary>
    public static string Base(string highway) =>
        highway.EndsWith("_link", StringComparison.Ordinal) ? highway[..^5] : highway;

    public static int Rank(string highway)
    {
        var i = Array.IndexOf(Ranked, Base(highway));
        return i < 0 ? Ranked.Length : i;
    }

    /// <summary>街长 for main roads, 巷长 for back streets and lanes (街巷长制).</summary>
    public static string ChiefLevel(string roadClass) =>
        Rank(roadClass) <= Rank("tertiary") ? "街长" : "巷长";
}
