namespace CommandCenter.Domain.Geography;

/// <summary>The city's time zone: instants are stored in UTC, hours and working days are read in local time.</summary>
public sealed class CityClock(TimeProvider time, TimeZoneInfo zone)
{
    public const string DefaultZoneId = "Asia/Shanghai";

    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTime LocalNow => ToLocal(time.GetUtcNow());

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, Zone);

    /// <summary>The instant of a local wall-clock time in the city (e.g. local midnight of a day).</summary>
    public DateTimeOffset ToInstant(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);
}
