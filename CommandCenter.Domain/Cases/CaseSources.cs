namespace CommandCenter.Domain.Cases;

/// <summary>Source slugs of the API and which sources need an on-site 核实 first.</summary>
public static class CaseSources
{
    public static string Slug(this CaseSource source) => source switch
    {
        CaseSource.RoadDirector => "roaddirector",
        CaseSource.Hotline12319 => "12319",
        CaseSource.Hotline12345 => "12345",
        _ => source.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? slug, out CaseSource source)
    {
        // "hotline" was the one hotline source before 12319 and 12345 were told apart.
        if (slug == "hotline")
        {
            source = CaseSource.Hotline12319;
            return true;
        }
        foreach (var s in Enum.GetValues<CaseSource>())
        {
            if (s.Slug() == slug)
            {
                source = s;
                return true;
            }
        }
        source = default;
        return false;
    }

    /// <summary>Reports from citizens are verified on site before filing; staff reports are not.</summary>
    public static bool NeedsVerification(this CaseSource source) =>
        source is CaseSource.Hotline12319 or CaseSource.Hotline12345 or CaseSource.Public or CaseSource.Open311 or CaseSource.Kiosk;

    public static bool IsHotline(this CaseSource source) => source is CaseSource.Hotline12319 or CaseSource.Hotline12345;
}
