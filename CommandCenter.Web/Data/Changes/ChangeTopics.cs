namespace CommandCenter.Web.Data.Changes;

/// <summary>The topics of the change log, and what an instance must refresh when it reads one.</summary>
public static class ChangeTopics
{
    /// <summary>Step limits, category limits, workflow settings.</summary>
    public const string Rules = "rules";
    /// <summary>Holidays, make-up days, working hours.</summary>
    public const string Calendar = "calendar";
    public const string Zone = "zone";
    public const string Kiosk = "kiosk";
    public const string StreetChief = "street-chief";
    public const string Roster = "roster";
    public const string Alert = "alert";
    public const string Patrol = "patrol";
    /// <summary>An abusive source blocked from anonymous intake, or its block lifted.</summary>
    public const string IntakeBlock = "intake-block";
    /// <summary>An Open311 API key issued or revoked.</summary>
    public const string Open311Key = "open311-key";
    /// <summary>Someone checked in or out at a kiosk: who answers to its staff address changed.</summary>
    public const string KioskDuty = "kiosk-duty";
    /// <summary>Registered vendors and merchants (摊贩登记, 门前三包, 五星商户): audited, nothing cached.</summary>
    public const string Registry = "registry";
    /// <summary>综合评价 weights, bands and grade thresholds (read fresh by every evaluation; nothing to reload).</summary>
    public const string Evaluation = "evaluation";

    /// <summary>Changes after which the cached rules are read again.</summary>
    public static bool ReloadsRules(string topic) => topic is Rules or Calendar;

    /// <summary>Changes after which the in-memory city (index and layers) is rebuilt.</summary>
    public static bool ReloadsCity(string topic) => topic is Zone or Kiosk or StreetChief;
}
