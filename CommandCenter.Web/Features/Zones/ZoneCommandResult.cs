using CommandCenter.Web.Data.City;
using CommandCenter.Web.Problems;

namespace CommandCenter.Web.Features.Zones;

/// <summary>What a zone edit did: the saved zone, or why it was refused (field errors, not found, changed meanwhile).</summary>
public sealed record ZoneCommandResult(VendorZoneRow? Zone, Refusal? Refused)
{
    public bool Succeeded => Refused is null;

    public static ZoneCommandResult Fail(Refusal refusal) => new(null, refusal);
}
