using CommandCenter.Domain.Evaluation;

namespace CommandCenter.Tests.Domain;

/// <summary>Validation of an admin's edited <see cref="EvaluationSettings"/>.</summary>
public sealed class EvaluationSettingsTests
{
    private static readonly EvaluationSettings Defaults = EvaluationSettings.Defaults;

    [Fact]
    public void The_shipped_values_are_valid_and_marked_as_samples()
    {
        Assert.Empty(Defaults.Validate());
        Assert.True(Defaults.Sample);
        // Decimal weights such as 0.25 + 0.40 + 0.35 or 0.3 × 3 + 10 ÷ 100 are not exact in binary and still pass.
        Assert.Equal(0.35, Defaults.Intake.OnTimeCheckDispatchRate);
    }

    [Fact]
    public void Weights_of_a_weighted_sum_must_add_up_to_one()
    {
        var errors = (Defaults with { Collector = Defaults.Collector with { MissedReportComplement = 0.3 } }).Validate();
        var error = Assert.Single(errors);
        Assert.Equal("collector", error.Field);
        Assert.Equal("WeightsDoNotSumToOne", error.Code);
        Assert.Equal(1.1, (double)error.Args[0]!, 9);
    }

    [Fact]
    public void A_weight_must_lie_between_zero_and_one()
    {
        var errors = (Defaults with { ShiftLead = Defaults.ShiftLead with { OnTimeFilingRate = -0.25, AccurateFilingRate = 0.9 } }).Validate();
        Assert.Contains(errors, e => e is { Field: "shiftLead.onTimeFilingRate", Code: "WeightOutOfRange" });
    }

    [Fact]
    public void A_weight_that_is_not_a_number_is_refused()
    {
        var errors = (Defaults with { Region = Defaults.Region with { DensityBand = double.NaN } }).Validate();
        Assert.Contains(errors, e => e is { Field: "region.densityBand", Code: "NotAFiniteNumber" });
    }

    [Fact]
    public void The_department_maximum_must_stay_100()
    {
        // Best band 20 points + 100 × 0.9 = 110.
        var bands = Defaults.Department.FiledBands with { Bands = [new(50, 20), new(100, 9)] };
        var error = Assert.Single((Defaults with { Department = Defaults.Department with { FiledBands = bands } }).Validate());
        Assert.Equal("department", error.Field);
        Assert.Equal("ScoreMaximumNotHundred", error.Code);
        Assert.Equal(110, (double)error.Args[0]!, 9);
    }

    [Fact]
    public void More_is_better_bands_must_fall_strictly()
    {
        var bands = ScoreBands.IntakeDefaults with { Bands = [new(2001, 100), new(2001, 90), new(501, 75)] };
        var errors = (Defaults with { Intake = Defaults.Intake with { AcceptedBands = bands } }).Validate();
        var error = Assert.Single(errors);
        Assert.Equal("intake.acceptedBands.bands[1].bound", error.Field);
        Assert.Equal("BandBoundsNotDecreasing", error.Code);
    }

    [Fact]
    public void Fewer_is_better_bands_must_rise_strictly()
    {
        var bands = Defaults.Department.FiledBands with { Bands = [new(50, 10), new(40, 9)] };
        var errors = (Defaults with { Department = Defaults.Department with { FiledBands = bands } }).Validate();
        Assert.Contains(errors, e => e is { Field: "department.filedBands.bands[1].bound", Code: "BandBoundsNotIncreasing" });
    }

    [Fact]
    public void A_better_count_may_never_score_less()
    {
        // 2001 accepted would score 90 but 1201 would score 100.
        var bands = ScoreBands.IntakeDefaults with { Bands = [new(2001, 90), new(1201, 100)] };
        var errors = (Defaults with { Intake = Defaults.Intake with { AcceptedBands = bands } }).Validate();
        Assert.Contains(errors, e => e is { Field: "intake.acceptedBands.bands[1].score", Code: "BandScoresNotDescending" });
    }

    [Fact]
    public void Band_scores_and_bounds_must_be_in_range_and_a_table_needs_a_band()
    {
        var over = ScoreBands.IntakeDefaults with { Bands = [new(2001, 120)] };
        Assert.Contains((Defaults with { Dispatcher = Defaults.Dispatcher with { DispatchedBands = over } }).Validate(),
            e => e is { Field: "dispatcher.dispatchedBands.bands[0].score", Code: "BandScoreOutOfRange" });

        var negative = Defaults.Region.DensityBands with { Bands = [new(-5, 100)] };
        Assert.Contains((Defaults with { Region = Defaults.Region with { DensityBands = negative } }).Validate(),
            e => e is { Field: "region.densityBands.bands[0].bound", Code: "BandBoundNegative" });

        var empty = ScoreBands.IntakeDefaults with { Bands = [] };
        Assert.Contains((Defaults with { Intake = Defaults.Intake with { AcceptedBands = empty } }).Validate(),
            e => e is { Field: "intake.acceptedBands.bands", Code: "BandsEmpty" });
    }

    [Fact]
    public void Grade_thresholds_must_fall_strictly_from_A_to_D()
    {
        var errors = (Defaults with { GradeScale = new GradeScale { A = 90, B = 90, C = 60, D = 40 } }).Validate();
        var error = Assert.Single(errors);
        Assert.Equal("gradeScale.b", error.Field);
        Assert.Equal("GradeThresholdsNotDescending", error.Code);

        Assert.Contains((Defaults with { GradeScale = new GradeScale { D = 70 } }).Validate(),
            e => e is { Field: "gradeScale.d", Code: "GradeThresholdsNotDescending" });
        Assert.Contains((Defaults with { GradeScale = new GradeScale { A = 120 } }).Validate(),
            e => e is { Field: "gradeScale.a", Code: "GradeThresholdOutOfRange" });
    }

    [Fact]
    public void The_red_black_list_needs_at_least_one_place() =>
        Assert.Contains((Defaults with { RedBlackListSize = 0 }).Validate(), e => e is { Field: "redBlackListSize", Code: "ValueTooSmall" });

    [Fact]
    public void The_721_target_must_add_up_to_100()
    {
        var error = Assert.Single((Defaults with { Resolution721Target = new Resolution721Target { Enforcement = 20 } }).Validate());
        Assert.Equal("resolution721Target", error.Field);
        Assert.Equal("SharesDoNotSumToHundred", error.Code);
        Assert.Contains((Defaults with { Resolution721Target = new Resolution721Target { Service = 110, Management = -20 } }).Validate(),
            e => e is { Field: "resolution721Target.management", Code: "ShareOutOfRange" });
    }

    [Fact]
    public void Edited_weights_change_the_composite()
    {
        // A centre that cares only about timely handling: 结案率 0, 按时处置率 0.9, (100 − 返工率) 0.
        var edited = Defaults with { Department = Defaults.Department with { ClosingRate = 0, OnTimeHandlingRate = 0.9, ReworkRateComplement = 0 } };
        Assert.Empty(edited.Validate());
        var result = DepartmentEvaluation.Of(new DepartmentCounts { Filed = 120, Due = 100, Closed = 90, Handled = 95, HandledOnTime = 80, Rework = 5 }, edited);
        // 7.5 + 80 × 0.9 = 79.5
        Assert.Equal(79.5, result.Composite!.Value, 9);
    }
}
