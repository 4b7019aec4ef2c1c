namespace CommandCenter.Domain.Zones;

/// <summary>What a street-vending case's location means for it.</summary>
public enum ZoneVerdict
{
    /// <summary>Inside a vending zone open now: managed (服务/管理), not enforced.</summary>
    Permitted,

    /// <summary>Inside a banned zone or within 100 m of a school gate: enforced with raised priority.</summary>
    Banned,

    /// <summary>Neither: an ordinary street-vending case.</summary>
    Outside,
}
