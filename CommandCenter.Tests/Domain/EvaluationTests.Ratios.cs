using CommandCenter.Domain.Evaluation;

namespace CommandCenter.Tests.Domain;

/// <summary>The §6.2 / §8 ratios, the street-chief scorecard, stage averages and 环比 / 同比.</summary>
public sealed class EvaluationRatioTests
{
    private const int Precision = 9;
    private static readonly Resolution721Target Target = EvaluationSettings.Defaults.Resolution721Target;

    [Fact]
    public void The_721_ratio_on_target_has_no_deviation()
    {
        // 荆门 filed 78,340 patrol problems; closed in exactly 70 / 20 / 10: 54,838 + 15,668 + 7,834 = 78,340.
        var ratio = Resolution721Ratio.Of(new Resolution721Counts { Service = 54_838, Management = 15_668, Enforcement = 7_834 }, Target);

        Assert.Equal(78_340, ratio.Total);
        Assert.Equal(70, ratio.Service.Share!.Value, Precision);
        Assert.Equal(20, ratio.Management.Share!.Value, Precision);
        Assert.Equal(10, ratio.Enforcement.Share!.Value, Precision);
        Assert.Equal(0, ratio.Service.Deviation!.Value, Precision);
        Assert.Equal(0, ratio.TotalDeviation!.Value, Precision);
    }

    [Fact]
    public void The_721_ratio_shows_how_far_each_tag_is_from_its_target()
    {
        // Same 78,340 closes, too much enforcement: 50,000 / 18,340 / 10,000.
        var ratio = Resolution721Ratio.Of(new Resolution721Counts { Service = 50_000, Management = 18_340, Enforcement = 10_000 }, Target);

        // 50,000 ÷ 78,340 = 63.8244 % (−6.1756 pp); 18,340 ÷ 78,340 = 23.4108 % (+3.4108); 10,000 ÷ 78,340 = 12.7649 % (+2.7649)
        Assert.Equal(63.82435537401072, ratio.Service.Share!.Value, Precision);
        Assert.Equal(-6.175644625989278, ratio.Service.Deviation!.Value, Precision);
        Assert.Equal(3.410773551187134, ratio.Management.Deviation!.Value, Precision);
        Assert.Equal(2.7648710748021443, ratio.Enforcement.Deviation!.Value, Precision);
        // Half of 6.1756 + 3.4108 + 2.7649: 6.1756 % of the closes would need another tag.
        Assert.Equal(6.175644625989278, ratio.TotalDeviation!.Value, Precision);
        Assert.Equal(70, ratio.Service.Target);
    }

    [Fact]
    public void The_721_ratio_of_a_month_without_closes_is_not_applicable()
    {
        var ratio = Resolution721Ratio.Of(new Resolution721Counts { Service = 0, Management = 0, Enforcement = 0 }, Target);
        Assert.Null(ratio.Service.Share);
        Assert.Null(ratio.Service.Deviation);
        Assert.Null(ratio.TotalDeviation);
    }

    [Fact]
    public void The_on_the_spot_rate_of_jingmen_is_38_98_percent()
    {
        // 荆门 2024: 128,391 problems found on patrol, 50,051 fixed on the spot.
        var funnel = new PatrolFunnel { Found = 128_391, FixedOnTheSpot = 50_051 };
        Assert.Equal(38.98, Math.Round(funnel.OnTheSpotRate!.Value, 2));
        Assert.Null(new PatrolFunnel { Found = 0, FixedOnTheSpot = 0 }.OnTheSpotRate);
    }

    [Fact]
    public void The_leniency_share_divides_leniency_closes_by_enforcement_cases_on_catalogue_items()
    {
        // 240 enforcement closes on 首违免罚 catalogue items, 180 of them without a fine: 75 %.
        Assert.Equal(75, new LeniencyShare { CatalogueEnforcementCases = 240, LeniencyCloses = 180 }.Share!.Value, Precision);
        Assert.Null(new LeniencyShare { CatalogueEnforcementCases = 0, LeniencyCloses = 0 }.Share);
    }

    [Fact]
    public void Basically_satisfied_counts_as_satisfied_and_the_strict_share_is_kept_beside_it()
    {
        var answers = new SatisfactionCounts { Satisfied = 500, BasicallySatisfied = 30, Dissatisfied = 5 };
        Assert.Equal(535, answers.Answered);
        // (500 + 30) ÷ 535 = 99.0654 %; 500 ÷ 535 = 93.4579 %
        Assert.Equal(99.06542056074767, answers.SatisfactionRate!.Value, Precision);
        Assert.Equal(93.45794392523365, answers.FullySatisfiedRate!.Value, Precision);
        Assert.Null(new SatisfactionCounts { Satisfied = 0, BasicallySatisfied = 0, Dissatisfied = 0 }.SatisfactionRate);
    }

    [Fact]
    public void The_average_time_of_a_stage_is_its_hours_over_its_cases()
    {
        Assert.Equal(4.115, new StageDuration("handle", 1_234.5, 300).AverageHours!.Value, Precision);
        Assert.Null(new StageDuration("verify", 0, 0).AverageHours);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StageDuration("check", -1, 3).AverageHours);
    }

    [Fact]
    public void A_street_chief_scorecard_shows_rates_of_the_cases_on_the_street()
    {
        var card = new StreetChiefScorecard { Cases = 40, Closed = 30, ClosedOnTime = 27, OverdueNow = 4, Repeats = 6, HandlingHours = 180 };

        Assert.Equal(75, card.ClosingRate!.Value, Precision);          // 30 ÷ 40
        Assert.Equal(67.5, card.OnTimeClosingRate!.Value, Precision);  // 27 ÷ 40
        Assert.Equal(10, card.Open);
        Assert.Equal(40, card.OverdueRate!.Value, Precision);          // 4 of the 10 still open
        Assert.Equal(15, card.RepeatRate!.Value, Precision);           // 6 ÷ 40
        Assert.Equal(6, card.AverageHandlingHours!.Value, Precision);  // 180 h ÷ 30 closed
    }

    [Fact]
    public void A_quiet_street_has_no_rates()
    {
        var card = new StreetChiefScorecard { Cases = 0, Closed = 0, ClosedOnTime = 0, OverdueNow = 0, Repeats = 0, HandlingHours = 0 };
        Assert.Null(card.ClosingRate);
        Assert.Null(card.OverdueRate);
        Assert.Null(card.AverageHandlingHours);
    }

    [Fact]
    public void Month_on_month_change_gives_the_absolute_and_relative_change()
    {
        // 环比: 120 cases this month, 100 last month → +20, +20 %.
        var change = PeriodChange.Of(120, 100)!;
        Assert.Equal(20, change.Absolute, Precision);
        Assert.Equal(20, change.Relative!.Value, Precision);

        // 同比 of a rate: 92.5 % against 90 % a year ago → +2.5 points, +2.78 %.
        var rate = PeriodChange.Of(92.5, 90)!;
        Assert.Equal(2.5, rate.Absolute, Precision);
        Assert.Equal(2.7777777777777777, rate.Relative!.Value, Precision);

        // A fall: 80 against 100 → −20 %.
        Assert.Equal(-20, PeriodChange.Of(80, 100)!.Relative!.Value, Precision);
    }

    [Fact]
    public void Growth_from_zero_has_no_relative_change_and_a_missing_value_has_no_change()
    {
        var fromZero = PeriodChange.Of(80, 0)!;
        Assert.Equal(80, fromZero.Absolute);
        Assert.Null(fromZero.Relative);
        Assert.Null(PeriodChange.Of(null, 90));
        Assert.Null(PeriodChange.Of(90, null));
    }
}
