namespace CommandCenter.Domain.Duty;

/// <summary>巡查轨迹点: one GPS fix posted by a patrolling phone (WGS84 lon/lat, the phone's instant, accuracy radius).</summary>
public sealed record PatrolPoint(double Lon, double Lat, DateTimeOffset At, double? AccuracyM = null);
