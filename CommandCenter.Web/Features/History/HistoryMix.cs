using CommandCenter.Domain.Cases;

namespace CommandCenter.Web.Features.History;

/// <summary>
/// The believable mix of a year of 数字城管 work, as tables: how often each category and source occurs, when in the
/// day, week and year, how likely a problem is fixed on the spot, and how well each department works. Sample values
/// shaped after published bureau reports (荆门: 128,391 patrol finds, 50,051 fixed on the spot), not any city's data.
/// </summary>
public static class HistoryMix
{
    /// <summary>Relative frequency of the common categories; every other category gets <see cref="OtherCategoryWeight"/>.</summary>
    public static readonly IReadOnlyDictionary<string, double> CategoryWeights = new Dictionary<string, double>
    {
        ["20102"] = 12, ["20501"] = 8, ["20504"] = 9, ["20506"] = 8, ["20505"] = 6, ["20201"] = 7, ["20507"] = 5, ["20104"] = 5,
        ["20103"] = 3, ["20108"] = 2, ["20116"] = 2, ["20510"] = 1.5, ["20202"] = 2, ["20203"] = 1.5, ["20204"] = 1, ["10305"] = 2.5,
        ["10118"] = 2, ["10301"] = 1, ["10102"] = 1, ["10103"] = 1, ["10104"] = 1, ["10211"] = 1, ["10402"] = 1.5, ["10405"] = 1,
        ["20106"] = 1.5, ["20404"] = 1, ["20406"] = 0.5, ["20407"] = 0.3, ["20301"] = 1, ["20302"] = 1, ["20304"] = 1, ["20101"] = 1.5,
        ["20511"] = 1, ["20503"] = 1, ["20508"] = 0.8, ["20598"] = 0.8, ["20513"] = 0.5,
    };

    public const double OtherCategoryWeight = 0.2;

    /// <summary>Street vending and frontage trade: busier in summer (night markets, melon points), quieter in winter.</summary>
    public static readonly IReadOnlySet<string> Vending = new HashSet<string> { "20501", "20503", "20504", "20510" };

    /// <summary>Categories on the 首违免罚 list (LeniencyCatalogue.Default) whose enforcement closes carry a leniency outcome.</summary>
    public static readonly IReadOnlySet<string> LeniencyCategories = new HashSet<string> { "20501", "20503", "20504", "20507", "20511" };

    /// <summary>Categories where the same corner keeps coming back (hotspots of repeat problems).</summary>
    public static readonly IReadOnlyList<string> RepeatProne = ["20102", "20501", "20504", "20506", "20201", "20507", "20510"];

    /// <summary>A category's weight in a month (1–12): summer vending and barbecues, rain in summer, snow in January.</summary>
    public static double SeasonFactor(string category, int month)
    {
        var summer = month is >= 6 and <= 9;
        var winter = month is 12 or 1 or 2;
        return category switch
        {
            "20510" => summer ? 3 : winter ? 0.3 : 1,
            _ when Vending.Contains(category) => summer ? 1.5 : winter ? 0.7 : 1,
            "20406" or "20404" => summer ? 3 : 0.6,
            "20407" => month == 1 ? 8 : month is 12 or 2 ? 1 : 0,
            "20116" => summer ? 1.3 : 1,
            "10402" or "10405" or "20106" => month is >= 4 and <= 10 ? 1.3 : 0.7,
            _ => 1,
        };
    }

    /// <summary>Cases a day against the year's average, by month (春节 in February, 国庆 in October, a busy summer).</summary>
    public static double MonthFactor(int month) => month switch
    {
        1 => 0.88, 2 => 0.72, 3 => 0.95, 4 => 1.0, 5 => 1.05, 6 => 1.1, 7 => 1.16, 8 => 1.16, 9 => 1.08, 10 => 0.94, 11 => 1.0, _ => 0.96,
    };

    /// <summary>Cases a day against the week's average: patrols run on workdays, fewer at the weekend.</summary>
    public static double WeekdayFactor(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => 1.12, DayOfWeek.Tuesday => 1.08, DayOfWeek.Wednesday => 1.06, DayOfWeek.Thursday => 1.05, DayOfWeek.Friday => 1.0,
        DayOfWeek.Saturday => 0.87, _ => 0.82,
    };

    /// <summary>Where cases come from: grid members' patrol most, then 随手拍, the hotlines, the road director, video, kiosks.</summary>
    public static readonly IReadOnlyList<(CaseSource Source, double Weight)> Sources =
    [
        (CaseSource.Patrol, 0.60), (CaseSource.Public, 0.12), (CaseSource.Hotline12345, 0.07), (CaseSource.Hotline12319, 0.06),
        (CaseSource.RoadDirector, 0.05), (CaseSource.Video, 0.04), (CaseSource.Kiosk, 0.03), (CaseSource.Open311, 0.01),
        (CaseSource.Inspection, 0.015), (CaseSource.Leader, 0.005),
    ];

    /// <summary>Relative reports per local hour: patrols on working hours, citizens also in the evening.</summary>
    public static double HourWeight(CaseSource source, int hour, bool summerVending) => source switch
    {
        CaseSource.Patrol or CaseSource.Inspection => hour switch { >= 8 and < 12 => 3, >= 14 and < 18 => 2.6, 12 or 13 => 0.8, 18 or 19 => 0.6, 7 => 0.5, _ => 0.02 },
        CaseSource.RoadDirector => summerVending && hour is >= 19 and < 23 ? 2.5 : hour switch { >= 8 and < 11 => 2, >= 15 and < 18 => 2, _ => 0.1 },
        _ => summerVending && hour is >= 18 and < 24 ? 3.5 : hour switch { < 6 => 0.1, 6 => 0.4, >= 7 and < 9 => 1.2, >= 9 and < 18 => 1.6, >= 18 and < 22 => 1.5, _ => 0.5 },
    };

    /// <summary>How likely a patrol find of the category is fixed on the spot before scaling to 荆门's share (39 %).</summary>
    public static double OnTheSpotAffinity(string category) => category switch
    {
        "20201" => 0.8, "20506" => 0.75, "20511" => 0.7, "20102" => 0.6, "20501" or "20504" or "20202" => 0.6, "20503" or "20510" => 0.5,
        "20507" => 0.45, "20104" or "20204" or "20598" => 0.4, "20505" => 0.35, "20108" => 0.2,
        _ when category.StartsWith('1') => 0.02,
        _ => 0.25,
    };

    /// <summary>荆门 2024: 50,051 of 128,391 patrol finds fixed on the spot.</summary>
    public const double OnTheSpotShare = 50_051.0 / 128_391.0;

    /// <summary>A department's habits: late first handling, failed 核查, misroutes it returns, extensions, shelving, dissatisfied reporters.</summary>
    public sealed record DepartmentHabit(double Late, double Rework, double Extension, double Shelve, double Dissatisfied);

    public static DepartmentHabit HabitOf(string department) => department switch
    {
        "sanitation" => new(0.05, 0.04, 0.02, 0.002, 0.03),
        "gas" => new(0.04, 0.03, 0.03, 0.004, 0.02),
        "water" => new(0.08, 0.05, 0.05, 0.01, 0.04),
        "landscaping" => new(0.10, 0.06, 0.06, 0.02, 0.04),
        "power" => new(0.11, 0.06, 0.05, 0.01, 0.05),
        "traffic" => new(0.13, 0.07, 0.05, 0.01, 0.05),
        "enforcement" => new(0.15, 0.09, 0.04, 0.005, 0.07),
        "municipal" => new(0.19, 0.10, 0.08, 0.03, 0.06),
        "telecom" => new(0.24, 0.12, 0.07, 0.02, 0.08),
        "housing" => new(0.32, 0.15, 0.12, 0.05, 0.10),
        _ => new(0.15, 0.08, 0.05, 0.01, 0.06),
    };

    /// <summary>
    /// The 721 tag of a resolved case: enforcement-type categories (vending, structures, noise, ads) are settled by
    /// enforcement more often; the whole year comes out near 70 / 20 / 10.
    /// </summary>
    public static Resolution721 ResolutionOf(string category, double u, bool onTheSpot)
    {
        var enforcementType = Vending.Contains(category) || category is "20101" or "20201" or "20202" or "20203" or "20301" or "20508" or "20116" or "20507" or "20505";
        var (service, management) = onTheSpot ? (0.78, 0.18) : enforcementType ? (0.46, 0.28) : (0.80, 0.17);
        return u < service ? Resolution721.Service : u < service + management ? Resolution721.Management : Resolution721.Enforcement;
    }
}
