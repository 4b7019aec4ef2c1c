namespace CommandCenter.Domain.Cases;

/// <summary>不予立案 reasons for public reports (domain.md §7.9) as API slugs; their wording lives in the UI's resources.</summary>
public static class RejectionReason
{
    public static readonly IReadOnlyList<string> Slugs =
        ["out-of-scope", "unclear-photo", "duplicate", "already-filed", "untrue", "split-report", "wrong-location", "outside-jurisdiction", "other"];

    public static bool IsKnown(string? slug) => slug is not null && Slugs.Contains(slug);
}
