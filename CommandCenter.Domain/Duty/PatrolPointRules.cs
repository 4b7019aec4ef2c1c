namespace CommandCenter.Domain.Duty;

/// <summary>Thresholds for dropping GPS points ([D] settings).</summary>
/// <param name="MaxSpeedMps">Fastest believable movement between two fixes: 50 m/s is 180 km/h.</param>
/// <param name="MaxAccuracyM">Widest accuracy radius kept.</param>
/// <param name="ClockSkew">How far ahead of the server a phone's stamp may be.</param>
public sealed record PatrolPointRules(double MaxSpeedMps, double MaxAccuracyM, TimeSpan ClockSkew)
{
    public static PatrolPointRules Default { get; } = new(50, 200, TimeSpan.FromMinutes(2));
}
