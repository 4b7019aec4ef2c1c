using CommandCenter.Domain.Intake;
using static CommandCenter.Tests.Domain.CaseFixtures;

namespace CommandCenter.Tests.Domain;

/// <summary>The Open311 search window: 90 days by default and at most, both dates checked.</summary>
public sealed class RequestWindowTests
{
    [Fact]
    public void Without_dates_the_last_90_days_are_searched()
    {
        var window = RequestWindow.Resolve(null, null, Tuesday9, out var error);
        Assert.Null(error);
        Assert.Equal(new RequestWindow(Tuesday9.AddDays(-90), Tuesday9), window);
    }

    [Fact]
    public void One_date_opens_a_90_day_window_from_or_up_to_it()
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Equal(new RequestWindow(start, start.AddDays(90)), RequestWindow.Resolve(start, null, Tuesday9, out _));
        Assert.Equal(new RequestWindow(start.AddDays(-90), start), RequestWindow.Resolve(null, start, Tuesday9, out _));
    }

    [Fact]
    public void An_end_before_the_start_or_a_span_over_90_days_is_refused_on_end_date()
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        Assert.Null(RequestWindow.Resolve(start, start.AddSeconds(-1), Tuesday9, out var reversed));
        Assert.Equal(("end_date", "EndBeforeStart"), (reversed!.Field, reversed.Code));
        Assert.Null(RequestWindow.Resolve(start, start.AddDays(90).AddSeconds(1), Tuesday9, out var tooLong));
        Assert.Equal(("end_date", "SpanTooLong", 90), (tooLong!.Field, tooLong.Code, (int)tooLong.Args[0]!));
        Assert.NotNull(RequestWindow.Resolve(start, start.AddDays(90), Tuesday9, out _)); // exactly 90 days is allowed
    }
}
