namespace CommandCenter.Domain.Cases;

/// <summary>Source slugs of the API and which sources need an on-site 核实 first.</summary>
public static class CaseSources
{
    public static string Slug(this CaseSource source) => source == CaseSource.RoadDirector ? "roaddirector" : source.ToString().ToLowerInvariant();

    public static bool TryParse(string? slug, out CaseSource source)
    {
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
    public static bool NeedsVerification(this CaseSource source) => source is CaseSource.Hotline or CaseSource.Public or CaseSource.Kiosk;

    public static string NameZh(this CaseSource source) => source switch
    {
        CaseSource.Patrol => "网格员巡查",
        CaseSource.Hotline => "12319/12345热线",
        CaseSource.Public => "随手拍",
        CaseSource.Video => "视频发现",
        CaseSource.Leader => "领导交办",
        CaseSource.Inspection => "督查检查",
        CaseSource.RoadDirector => "马路局长",
        CaseSource.Kiosk => "驿站",
        _ => source.ToString(),
    };
}
