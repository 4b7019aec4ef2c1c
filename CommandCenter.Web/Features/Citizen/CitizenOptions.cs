namespace CommandCenter.Web.Features.Citizen;

/// <summary>Citizen intake settings (section "Citizen"): the Open311 jurisdiction and the anonymous-intake rate limit.</summary>
public sealed class CitizenOptions
{
    /// <summary>Open311 <c>jurisdiction_id</c> this server answers for (南京市 3201); requests naming another are refused.</summary>
    public string JurisdictionId { get; set; } = "3201";

    /// <summary>Anonymous writes (photos, reports, answers) one client address may make per window.</summary>
    public int PermitLimit { get; set; } = 20;

    public int WindowSeconds { get; set; } = 600;
}
