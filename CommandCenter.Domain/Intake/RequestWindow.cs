using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Intake;

/// <summary>
/// The time span an Open311 <c>GET requests</c> searches (by reported time, both ends included): at most
/// <see cref="MaxSpan"/>, the last 90 days when no dates are given, 90 days from or up to a single date given.
/// </summary>
public sealed record RequestWindow(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(90);

    /// <summary>The window for the dates asked, or null with the refused field.</summary>
    public static RequestWindow? Resolve(DateTimeOffset? start, DateTimeOffset? end, DateTimeOffset now, out FieldError? error)
    {
        error = null;
        var (from, to) = (start, end) switch
        {
            (null, null) => (now - MaxSpan, now),
            ({ } s, null) => (s, s + MaxSpan),
            (null, { } e) => (e - MaxSpan, e),
            ({ } s, { } e) => (s, e),
        };
        if (to < from)
        {
            error = new FieldError("end_date", "EndBeforeStart");
            return null;
        }
        if (to - from > MaxSpan)
        {
            error = new FieldError("end_date", "SpanTooLong", MaxSpan.Days);
            return null;
        }
        return new RequestWindow(from, to);
    }
}
