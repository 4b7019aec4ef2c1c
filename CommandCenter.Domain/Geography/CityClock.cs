using System.Globalization;

namespace CommandCenter.Domain.Geography;

/// <summary>The city's time zone: instants are stored in UTC, hours and working days are read in local time.</summary>
public sealed class CityClock(TimeProvider time, TimeZoneInfo zone)
{
    public const string DefaultZoneId = "Asia/Shanghai";

    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset UtcNow => time.GetUtcNow().ToUniversalTime();

    public DateTime LocalNow => ToLocal(UtcNow);

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTimeFromUtc(instant.UtcDateTime, Zone);

    /// <summary>The instant of a local wall-clock time in the city (e.g. local midnight of a day).</summary>
    public DateTimeOffset ToInstant(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone), TimeSpan.Zero);

    /// <summary>
    /// Reads an ISO 8601 time as people type it: with an offset ("2026-07-01T20:30+08:00", "…Z") it is that instant;
    /// without one ("2026-07-01T20:30") it is the city's wall-clock time, never UTC.
    /// </summary>
    public bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }
        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            instant = ToInstant(parsed);
            return true;
        }
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out instant);
    }
}
