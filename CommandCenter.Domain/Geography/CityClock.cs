namespace CommandCenter.Domain.Geography;

/// <summary>The city's time zone: instants are stored in UTC, hours and working days are read in local time.</summary>
public sealed class CityClock(TimeProvider time, TimeZoneInfo zone)
{
    public const string DefaultZoneId = "Asia/Shanghai";

    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTime LocalNow => ToLocal(time.GetUtcNow());

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, Zone);
}
