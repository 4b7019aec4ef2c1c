using CommandCenter.Domain.Analytics;
using CommandCenter.Domain.Evaluation;

namespace CommandCenter.Tests.Domain;

/// <summary>趋势: the day / week / month buckets of a trend, and the buckets its 环比 and 同比 compare with.</summary>
public sealed class TrendBucketsTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static (DateOnly, DateOnly) Span(EvaluationPeriod p) => (p.First, p.Last);

    [Fact]
    public void A_day_falls_in_its_own_day_its_monday_to_sunday_week_and_its_calendar_month()
    {
        // Saturday 2026-02-14.
        var day = D("2026-02-14");

        Assert.Equal((day, day), Span(TrendBuckets.Of(day, TrendInterval.Day)));
        Assert.Equal((D("2026-02-09"), D("2026-02-15")), Span(TrendBuckets.Of(day, TrendInterval.Week)));
        Assert.Equal((D("2026-02-01"), D("2026-02-28")), Span(TrendBuckets.Of(day, TrendInterval.Month)));
    }

    [Fact]
    public void The_weeks_covering_a_period_start_on_the_monday_before_it_and_end_on_the_sunday_after_it()
    {
        // Wednesday 2026-11-25 … Wednesday 2026-12-09: weeks from Monday 11-23, 11-30 and 12-07 (the last ends Sunday 12-13).
        var weeks = TrendBuckets.Covering(new EvaluationPeriod(D("2026-11-25"), D("2026-12-09")), TrendInterval.Week);

        Assert.Equal([D("2026-11-23"), D("2026-11-30"), D("2026-12-07")], weeks.Select(w => w.First));
        Assert.Equal(D("2026-12-13"), weeks[^1].Last);
        Assert.All(weeks, w => Assert.Equal(EvaluationPeriodKind.Week, w.Kind));
    }

    [Fact]
    public void A_month_is_covered_by_one_bucket_per_day_and_a_range_over_new_year_by_its_months()
    {
        var november = TrendBuckets.Covering(EvaluationPeriod.Month(D("2026-11-01")), TrendInterval.Day);
        Assert.Equal(30, november.Count);
        Assert.Equal(D("2026-11-30"), november[^1].First);

        // 2025-12-15 … 2026-02-10 touches December, January and February.
        var months = TrendBuckets.Covering(new EvaluationPeriod(D("2025-12-15"), D("2026-02-10")), TrendInterval.Month);
        Assert.Equal([D("2025-12-01"), D("2026-01-01"), D("2026-02-01")], months.Select(m => m.First));
        Assert.Equal(D("2026-02-28"), months[^1].Last);
    }

    [Fact]
    public void The_generated_year_has_thirteen_calendar_months_and_fifty_seven_weeks()
    {
        // The history of 2026-12-02 starts 13 months back on 2025-11-03: Nov 2025 … Dec 2026 are 14 months by calendar,
        // 13 of them up to 2026-11-30. Weeks: Monday 2025-11-03 … Sunday 2026-11-29 are 392 days = 56 weeks, plus the
        // week of Monday 2026-11-30.
        var year = new EvaluationPeriod(D("2025-11-03"), D("2026-12-02"));

        Assert.Equal(14, TrendBuckets.Covering(year, TrendInterval.Month).Count);
        Assert.Equal(57, TrendBuckets.Covering(year, TrendInterval.Week).Count);
        Assert.Equal(395, TrendBuckets.Covering(year, TrendInterval.Day).Count);
    }

    [Fact]
    public void Period_on_period_compares_with_the_bucket_just_before()
    {
        Assert.Equal(D("2026-02-28"), TrendBuckets.Before(TrendBuckets.Of(D("2026-03-01"), TrendInterval.Day), TrendInterval.Day).First);
        Assert.Equal((D("2026-11-23"), D("2026-11-29")),
            Span(TrendBuckets.Before(TrendBuckets.Of(D("2026-12-02"), TrendInterval.Week), TrendInterval.Week)));
        // March's previous month is all of February, not the 31 days before 1 March.
        Assert.Equal((D("2026-02-01"), D("2026-02-28")),
            Span(TrendBuckets.Before(TrendBuckets.Of(D("2026-03-20"), TrendInterval.Month), TrendInterval.Month)));
    }

    [Fact]
    public void Year_on_year_compares_a_week_with_the_week_fifty_two_weeks_before()
    {
        // The week of Monday 2026-11-30: a year before its Thursday 12-03 is Wednesday 2025-12-03, in the week of
        // Monday 2025-12-01 — 364 days back, six of its seven dates a year earlier. (A year before the Monday itself,
        // Sunday 2025-11-30, would pick the week of 2025-11-24: 371 days back, one date in common.)
        var week = TrendBuckets.Of(D("2026-12-02"), TrendInterval.Week);
        var lastYear = TrendBuckets.YearBefore(week, TrendInterval.Week);

        Assert.Equal((D("2025-12-01"), D("2025-12-07")), Span(lastYear));
        Assert.Equal(364, week.First.DayNumber - lastYear.First.DayNumber);
        // Across a 29 February as well: Monday 2028-03-06 → Thursday 03-09 → Tuesday 2027-03-09 → Monday 2027-03-08.
        Assert.Equal(D("2027-03-08"), TrendBuckets.YearBefore(TrendBuckets.Of(D("2028-03-06"), TrendInterval.Week), TrendInterval.Week).First);
    }

    [Fact]
    public void Year_on_year_compares_a_day_or_month_with_the_same_one_a_year_earlier()
    {
        Assert.Equal(D("2025-12-02"), TrendBuckets.YearBefore(TrendBuckets.Of(D("2026-12-02"), TrendInterval.Day), TrendInterval.Day).First);
        Assert.Equal(D("2027-02-28"), TrendBuckets.YearBefore(TrendBuckets.Of(D("2028-02-29"), TrendInterval.Day), TrendInterval.Day).First);
        Assert.Equal((D("2023-02-01"), D("2023-02-28")),
            Span(TrendBuckets.YearBefore(TrendBuckets.Of(D("2024-02-29"), TrendInterval.Month), TrendInterval.Month)));
    }

    [Fact]
    public void The_changes_of_a_bucket_are_relative_to_the_compared_bucket_and_absent_from_nothing()
    {
        // 96 reports this week, 80 the week before (环比 +20 %), 120 the same week last year (同比 −20 %), none two years back.
        Assert.Equal(20, PeriodChange.Of(96, 80)!.Relative!.Value, 9);
        Assert.Equal(-20, PeriodChange.Of(96, 120)!.Relative!.Value, 9);
        Assert.Null(PeriodChange.Of(96, 0)!.Relative);
    }

    [Theory]
    [InlineData("day", TrendInterval.Day)]
    [InlineData("week", TrendInterval.Week)]
    [InlineData("month", TrendInterval.Month)]
    public void Intervals_are_named_by_their_lower_case_slug(string slug, TrendInterval interval)
    {
        Assert.Equal(slug, interval.Slug());
        Assert.True(TrendBuckets.TryParse(slug, out var parsed));
        Assert.Equal(interval, parsed);
    }

    [Theory]
    [InlineData("Week")]
    [InlineData("year")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_interval_names_are_not_understood(string? slug)
    {
        Assert.False(TrendBuckets.TryParse(slug, out _));
    }
}
