using CommandCenter.Domain.Evaluation;

namespace CommandCenter.Tests.Domain;

/// <summary>考评周期: what kind a period is, how many months its counts stand for, and its 环比 / 同比 periods.</summary>
public sealed class EvaluationPeriodTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_period_counts_both_its_ends_and_ends_exclusively_the_day_after()
    {
        var period = new EvaluationPeriod(D("2026-11-10"), D("2026-11-19"));

        Assert.Equal(10, period.Days);
        Assert.Equal(D("2026-11-20"), period.End);
        Assert.True(period.Contains(D("2026-11-10")));
        Assert.True(period.Contains(D("2026-11-19")));
        Assert.False(period.Contains(D("2026-11-09")));
        Assert.False(period.Contains(D("2026-11-20")));
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new EvaluationPeriod(D("2026-11-19"), D("2026-11-10")));
    }

    [Theory]
    [InlineData("2026-12-02", "2026-12-02", EvaluationPeriodKind.Day)]
    // 2026-11-30 is a Monday: Monday to Sunday is a week ...
    [InlineData("2026-11-30", "2026-12-06", EvaluationPeriodKind.Week)]
    // ... seven days from a Tuesday are only a range.
    [InlineData("2026-12-01", "2026-12-07", EvaluationPeriodKind.Range)]
    [InlineData("2026-02-01", "2026-02-28", EvaluationPeriodKind.Month)]
    [InlineData("2024-02-01", "2024-02-29", EvaluationPeriodKind.Month)]
    [InlineData("2026-02-01", "2026-02-27", EvaluationPeriodKind.Range)]
    [InlineData("2026-11-15", "2026-12-14", EvaluationPeriodKind.Range)]
    [InlineData("2026-01-01", "2026-03-31", EvaluationPeriodKind.Range)]
    public void The_kind_of_a_period_follows_the_calendar(string first, string last, EvaluationPeriodKind kind)
    {
        Assert.Equal(kind, new EvaluationPeriod(D(first), D(last)).Kind);
    }

    [Fact]
    public void Every_calendar_month_counts_as_one_month_for_the_bands_whatever_its_length()
    {
        Assert.Equal(1, EvaluationPeriod.Month(D("2026-02-10")).BandMonths);
        Assert.Equal(1, EvaluationPeriod.Month(D("2026-03-31")).BandMonths);
    }

    [Fact]
    public void Any_other_period_counts_its_days_in_average_months()
    {
        // 15 ÷ 30.436875 = 0.492823; a 365-day year ÷ 30.436875 = 11.992033 (the average month is 365.2425 ÷ 12 days).
        Assert.Equal(0.49282326125793136, new EvaluationPeriod(D("2026-11-01"), D("2026-11-15")).BandMonths, 9);
        Assert.Equal(11.992032690609664, new EvaluationPeriod(D("2025-12-01"), D("2026-11-30")).BandMonths, 9);
        // A week is 7 ÷ 30.436875 = 0.229985 of a month.
        Assert.Equal(7 / 30.436875, EvaluationPeriod.Week(D("2026-12-02")).BandMonths, 9);
    }

    [Fact]
    public void The_week_of_a_day_runs_from_its_monday_to_its_sunday()
    {
        // Wednesday 2026-12-02, Sunday 2026-12-06 and Monday 2026-11-30 all lie in the week from Monday 11-30.
        foreach (var day in new[] { "2026-12-02", "2026-12-06", "2026-11-30" })
        {
            var week = EvaluationPeriod.Week(D(day));
            Assert.Equal(D("2026-11-30"), week.First);
            Assert.Equal(D("2026-12-06"), week.Last);
            Assert.Equal(EvaluationPeriodKind.Week, week.Kind);
        }
        // The next Monday starts the next week.
        Assert.Equal(D("2026-12-07"), EvaluationPeriod.Week(D("2026-12-07")).First);
    }

    [Fact]
    public void The_month_before_is_the_whole_previous_calendar_month()
    {
        // 环比 of March 2026 is February (28 days), not the 31 days before 1 March.
        var previous = EvaluationPeriod.Month(D("2026-03-15")).Previous;

        Assert.Equal(D("2026-02-01"), previous.First);
        Assert.Equal(D("2026-02-28"), previous.Last);
        Assert.Equal(EvaluationPeriodKind.Month, previous.Kind);
        // January's previous month is December of the year before.
        Assert.Equal(D("2025-12-01"), EvaluationPeriod.Month(D("2026-01-20")).Previous.First);
    }

    [Fact]
    public void Before_a_week_or_a_range_come_as_many_days_just_before_it()
    {
        var week = EvaluationPeriod.Week(D("2026-12-02")).Previous;
        Assert.Equal((D("2026-11-23"), D("2026-11-29")), (week.First, week.Last));
        Assert.Equal(EvaluationPeriodKind.Week, week.Kind);

        // 10 days 11-10 … 11-19 → the 10 days 10-31 … 11-09.
        var range = new EvaluationPeriod(D("2026-11-10"), D("2026-11-19")).Previous;
        Assert.Equal((D("2026-10-31"), D("2026-11-09")), (range.First, range.Last));

        var day = EvaluationPeriod.Day(D("2026-03-01")).Previous;
        Assert.Equal(D("2026-02-28"), day.First);
    }

    [Fact]
    public void A_year_earlier_is_the_same_calendar_month_or_the_same_dates()
    {
        // 同比 of February 2024 (29 days) is February 2023 (28 days).
        var february = EvaluationPeriod.Month(D("2024-02-10")).YearEarlier;
        Assert.Equal((D("2023-02-01"), D("2023-02-28")), (february.First, february.Last));

        // 29 February has no day a year earlier: it falls back to the 28th.
        Assert.Equal(D("2027-02-28"), EvaluationPeriod.Day(D("2028-02-29")).YearEarlier.First);

        var range = new EvaluationPeriod(D("2026-11-10"), D("2026-11-19")).YearEarlier;
        Assert.Equal((D("2025-11-10"), D("2025-11-19")), (range.First, range.Last));
    }
}
