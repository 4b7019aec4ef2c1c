namespace CommandCenter.Domain.Intake;

/// <summary>API slugs of <see cref="CallNature"/>.</summary>
public static class CallNatures
{
    public static string Slug(this CallNature nature) => nature.ToString().ToLowerInvariant();

    public static IReadOnlyList<string> Slugs { get; } = Enum.GetValues<CallNature>().Select(Slug).ToList();

    public static bool TryParse(string? slug, out CallNature nature)
    {
        foreach (var n in Enum.GetValues<CallNature>())
        {
            if (n.Slug() == slug)
            {
                nature = n;
                return true;
            }
        }
        nature = default;
        return false;
    }
}
