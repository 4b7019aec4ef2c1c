using CommandCenter.Domain.Evaluation;

namespace CommandCenter.Tests.Domain;

/// <summary>The §6.1 formulas of every scope, on hand-made monthly counts worked out in the comments.</summary>
public sealed class EvaluationTests
{
    private static readonly EvaluationSettings Settings = EvaluationSettings.Defaults;
    private const int Precision = 9;

    [Fact]
    public void A_collector_is_scored_on_valid_reports_misses_and_timely_verifies_and_checks()
    {
        var result = CollectorEvaluation.Of(new CollectorCounts
        {
            Reported = 50, ValidReports = 45,    // 有效上报率 45 ÷ 50 = 90
            Filed = 60, Missed = 6,              // 漏报率 6 ÷ 60 = 10 → counts as 100 − 10 = 90
            VerifyTasks = 20, VerifiedOnTime = 18, // 按时核实率 90
            CheckTasks = 40, CheckedOnTime = 38,   // 按时核查率 95
        }, Settings);

        Assert.Equal(90, result.ValidReportRate!.Value, Precision);
        Assert.Equal(10, result.MissedReportRate!.Value, Precision);
        Assert.Equal(90, result.OnTimeVerifyRate!.Value, Precision);
        Assert.Equal(95, result.OnTimeCheckRate!.Value, Precision);
        // 90×0.4 + 90×0.2 + 90×0.2 + 95×0.2 = 36 + 18 + 18 + 19 = 91
        Assert.Equal(91, result.Composite!.Value, Precision);
        Assert.Equal(Grade.A, result.Composite.Grade);
    }

    [Fact]
    public void A_collector_missing_more_problems_scores_lower_not_higher()
    {
        // UNI adds the raw 漏报率; domain.md uses 100 − 漏报率, so missing half the grid's problems costs points.
        var careful = Collector(missed: 0);
        var careless = Collector(missed: 30);
        Assert.True(careless.Composite!.Value < careful.Composite!.Value);
        // careful: 90×0.4 + 100×0.2 + 90×0.2 + 95×0.2 = 93; careless: 漏报率 30 ÷ 60 = 50 → 36 + 10 + 18 + 19 = 83
        Assert.Equal(93, careful.Composite.Value, Precision);
        Assert.Equal(83, careless.Composite.Value, Precision);
    }

    [Fact]
    public void A_rate_without_a_denominator_is_not_applicable_and_its_weight_goes_to_the_other_rates()
    {
        // No 核实 task was sent to this collector: 按时核实率 is n/a, not 0 and not 100.
        var result = CollectorEvaluation.Of(new CollectorCounts
        {
            Reported = 50, ValidReports = 45, Filed = 60, Missed = 6,
            VerifyTasks = 0, VerifiedOnTime = 0,
            CheckTasks = 40, CheckedOnTime = 38,
        }, Settings);

        Assert.Null(result.OnTimeVerifyRate);
        // The other rates weigh 0.4 + 0.2 + 0.2 = 0.8 and share the missing 0.2 in proportion:
        // (90×0.4 + 90×0.2 + 95×0.2) ÷ 0.8 = 73 ÷ 0.8 = 91.25  (n/a as 0 would give 73, as 100 would give 93)
        Assert.Equal(91.25, result.Composite!.Value, Precision);
    }

    [Fact]
    public void A_unit_with_nothing_to_evaluate_has_no_composite_and_no_grade()
    {
        var idle = CollectorEvaluation.Of(new CollectorCounts
        {
            Reported = 0, ValidReports = 0, Filed = 0, Missed = 0, VerifyTasks = 0, VerifiedOnTime = 0, CheckTasks = 0, CheckedOnTime = 0,
        }, Settings);

        Assert.Null(idle.ValidReportRate);
        Assert.Null(idle.MissedReportRate);
        Assert.Null(idle.Composite);
    }

    [Fact]
    public void An_intake_clerk_is_scored_on_the_accepted_band_and_timely_task_dispatches()
    {
        var result = IntakeEvaluation.Of(new IntakeCounts
        {
            Accepted = 1500,                                     // ≥ 1201 → band 90
            VerifyDispatches = 200, VerifyDispatchedOnTime = 190, // 95
            CheckDispatches = 400, CheckDispatchedOnTime = 360,   // 90
        }, Settings);

        Assert.Equal(90, result.AcceptedBandScore);
        Assert.Equal(95, result.OnTimeVerifyDispatchRate!.Value, Precision);
        Assert.Equal(90, result.OnTimeCheckDispatchRate!.Value, Precision);
        // 90×0.25 + 95×0.40 + 90×0.35 = 22.5 + 38 + 31.5 = 92
        Assert.Equal(92, result.Composite!.Value, Precision);
        Assert.Equal(Grade.A, result.Composite.Grade);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100, 0)]
    [InlineData(101, 40)]
    [InlineData(300, 40)]
    [InlineData(301, 60)]
    [InlineData(501, 75)]
    [InlineData(1200, 75)]
    [InlineData(1201, 90)]
    [InlineData(2000, 90)]
    [InlineData(2001, 100)]
    [InlineData(9999, 100)]
    public void The_accepted_band_starts_each_step_at_its_bound(long accepted, double band) =>
        Assert.Equal(band, IntakeEvaluation.Of(Intake(accepted, 10, 10, 10, 10), Settings).AcceptedBandScore);

    [Fact]
    public void An_intake_clerk_without_verify_tasks_is_scored_on_the_check_dispatches_alone_beside_the_band()
    {
        var result = IntakeEvaluation.Of(Intake(accepted: 600, verify: 0, verifyOnTime: 0, check: 50, checkOnTime: 45), Settings);
        // band 75 (≥ 501) keeps its 0.25; 核查 90 takes the rates' whole 0.75: 18.75 + 67.5 = 86.25
        Assert.Null(result.OnTimeVerifyDispatchRate);
        Assert.Equal(86.25, result.Composite!.Value, Precision);
        Assert.Equal(Grade.B, result.Composite.Grade);
    }

    [Fact]
    public void A_workload_band_alone_is_not_a_score()
    {
        // 2,500 accepted (band 100) but no 核实 or 核查 task to send: nothing says how well the clerk worked.
        var result = IntakeEvaluation.Of(Intake(accepted: 2500, verify: 0, verifyOnTime: 0, check: 0, checkOnTime: 0), Settings);
        Assert.Equal(100, result.AcceptedBandScore);
        Assert.Null(result.Composite);
    }

    [Fact]
    public void A_shift_leader_is_scored_on_timely_and_accurate_filing_and_timely_closing()
    {
        var result = ShiftLeadEvaluation.Of(new ShiftLeadCounts
        {
            Filed = 200, FiledOnTime = 180, // 按时立案率 90
            VoidedAfterFiling = 4,          // 准确立案率 (200 − 4) ÷ 200 = 98
            Closed = 150, ClosedOnTime = 120, // 按时结案率 80
        }, Settings);

        Assert.Equal(90, result.OnTimeFilingRate!.Value, Precision);
        Assert.Equal(98, result.AccurateFilingRate!.Value, Precision);
        Assert.Equal(80, result.OnTimeClosingRate!.Value, Precision);
        // 90×0.25 + 98×0.40 + 80×0.35 = 22.5 + 39.2 + 28 = 89.7
        Assert.Equal(89.7, result.Composite!.Value, Precision);
        Assert.Equal(Grade.B, result.Composite.Grade);
    }

    [Fact]
    public void A_dispatcher_is_scored_on_the_dispatch_band_and_timely_and_accurate_dispatch()
    {
        var result = DispatcherEvaluation.Of(new DispatcherCounts
        {
            Dispatched = 1250,                 // 派遣数 band, the intake bands: ≥ 1201 → 90
            Due = 1200, DispatchedOnTime = 1140, // 按时派遣率 95
            Misrouted = 24,                    // 准确派遣率 (1200 − 24) ÷ 1200 = 98
        }, Settings);

        Assert.Equal(90, result.DispatchedBandScore);
        Assert.Equal(95, result.OnTimeDispatchRate!.Value, Precision);
        Assert.Equal(98, result.AccurateDispatchRate!.Value, Precision);
        // 90×0.2 + 95×0.4 + 98×0.4 = 18 + 38 + 39.2 = 95.2
        Assert.Equal(95.2, result.Composite!.Value, Precision);
    }

    [Fact]
    public void The_dispatch_bands_are_their_own_setting_even_though_they_start_as_the_intake_bands()
    {
        var edited = Settings with
        {
            Intake = Settings.Intake with
            {
                AcceptedBands = new ScoreBands { Direction = BandDirection.AtLeast, Bands = [new(5000, 100)], Otherwise = 0 },
            },
        };
        var counts = new DispatcherCounts { Dispatched = 1250, Due = 1200, DispatchedOnTime = 1140, Misrouted = 24 };
        Assert.Equal(90, DispatcherEvaluation.Of(counts, edited).DispatchedBandScore);
    }

    [Fact]
    public void A_department_adds_its_filed_band_points_to_three_weighted_rates()
    {
        var result = DepartmentEvaluation.Of(new DepartmentCounts
        {
            Filed = 120,                 // ≤ 200 → 7.5 points
            Due = 100, Closed = 90,      // 结案率 90
            Handled = 95, HandledOnTime = 80, // 按时处置率 80 ÷ 100 due = 80 (UNI divides by 应处置数)
            Rework = 5,                  // 返工率 5 ÷ 95 handled = 5.263157… → counts as 94.736842…
        }, Settings);

        Assert.Equal(7.5, result.FiledBandPoints);
        Assert.Equal(90, result.ClosingRate!.Value, Precision);
        Assert.Equal(80, result.OnTimeHandlingRate!.Value, Precision);
        Assert.Equal(100.0 * 5 / 95, result.ReworkRate!.Value, Precision);
        // 7.5 + 90×0.3 + 80×0.3 + 94.736842×0.3 = 7.5 + 27 + 24 + 28.421053 = 86.921053
        Assert.Equal(86.92105263157895, result.Composite!.Value, Precision);
        Assert.Equal(Grade.B, result.Composite.Grade);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(50, 10)]
    [InlineData(51, 9)]
    [InlineData(100, 9)]
    [InlineData(101, 7.5)]
    [InlineData(200, 7.5)]
    [InlineData(201, 6)]
    [InlineData(500, 6)]
    [InlineData(501, 4)]
    [InlineData(1000, 4)]
    [InlineData(1001, 0)]
    public void The_department_filed_band_gives_fewer_points_for_more_cases(long filed, double points) =>
        Assert.Equal(points, DepartmentEvaluation.Of(Department(filed), Settings).FiledBandPoints);

    [Fact]
    public void A_perfect_department_with_few_cases_scores_exactly_100()
    {
        var result = DepartmentEvaluation.Of(new DepartmentCounts { Filed = 30, Due = 30, Closed = 30, Handled = 30, HandledOnTime = 30, Rework = 0 }, Settings);
        // 10 + 100×0.3 × 3 = 100
        Assert.Equal(100, result.Composite!.Value, Precision);
        Assert.Equal(Grade.A, result.Composite.Grade);
    }

    [Fact]
    public void A_department_with_cases_filed_but_none_due_yet_is_not_evaluated()
    {
        var result = DepartmentEvaluation.Of(new DepartmentCounts { Filed = 10, Due = 0, Closed = 0, Handled = 0, HandledOnTime = 0, Rework = 0 }, Settings);
        Assert.Equal(10, result.FiledBandPoints);
        Assert.Null(result.ClosingRate);
        Assert.Null(result.ReworkRate);
        Assert.Null(result.Composite);
    }

    [Fact]
    public void A_region_is_scored_on_closing_rework_and_filing_density()
    {
        var result = RegionEvaluation.Of(new RegionCounts
        {
            Filed = 200, AreaKm2 = 2.5,          // 80 a km² → ≤ 100 → band 75
            Due = 180,
            Handled = 170, HandledOnTime = 150,  // 处置率 94.44…, 按时处置率 83.33…
            Closed = 160, ClosedOnTime = 144,    // 结案率 88.88…, 按期结案率 80
            Rework = 17,                         // 返工率 17 ÷ 170 = 10
        }, Settings);

        Assert.Equal(80, result.FilingDensity, Precision);
        Assert.Equal(75, result.DensityBandScore);
        Assert.Equal(100.0 * 170 / 180, result.HandlingRate!.Value, Precision);
        Assert.Equal(100.0 * 150 / 180, result.OnTimeHandlingRate!.Value, Precision);
        Assert.Equal(100.0 * 160 / 180, result.ClosingRate!.Value, Precision);
        Assert.Equal(80, result.OnTimeClosingRate!.Value, Precision);
        Assert.Equal(10, result.ReworkRate!.Value, Precision);
        // 80×0.4 + 88.888…×0.3 + 90×0.2 + 75×0.1 = 32 + 26.666… + 18 + 7.5 = 84.1666…
        Assert.Equal(84.16666666666667, result.Composite!.Value, Precision);
        Assert.Equal(Grade.B, result.Composite.Grade);
    }

    [Fact]
    public void A_region_needs_a_positive_area()
    {
        var counts = new RegionCounts { Filed = 1, AreaKm2 = 0, Due = 1, Handled = 1, HandledOnTime = 1, Closed = 1, ClosedOnTime = 1, Rework = 0 };
        Assert.Throws<ArgumentOutOfRangeException>(() => RegionEvaluation.Of(counts, Settings));
    }

    [Fact]
    public void Counts_that_are_not_subsets_of_their_whole_are_a_counting_mistake()
    {
        // 11 on time out of 10 handled: the SQL counted something else; better to fail than show 110 %.
        var counts = new DepartmentCounts { Filed = 10, Due = 10, Closed = 10, Handled = 10, HandledOnTime = 11, Rework = 0 };
        Assert.Throws<ArgumentException>(() => DepartmentEvaluation.Of(counts, Settings));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percent.Of(-1, 10));
        Assert.Null(Percent.Of(0, 0));
    }

    private static CollectorEvaluation Collector(long missed) => CollectorEvaluation.Of(new CollectorCounts
    {
        Reported = 50, ValidReports = 45, Filed = 60, Missed = missed, VerifyTasks = 20, VerifiedOnTime = 18, CheckTasks = 40, CheckedOnTime = 38,
    }, Settings);

    private static IntakeCounts Intake(long accepted, long verify, long verifyOnTime, long check, long checkOnTime) => new()
    {
        Accepted = accepted, VerifyDispatches = verify, VerifyDispatchedOnTime = verifyOnTime, CheckDispatches = check, CheckDispatchedOnTime = checkOnTime,
    };

    private static DepartmentCounts Department(long filed) => new() { Filed = filed, Due = 10, Closed = 10, Handled = 10, HandledOnTime = 10, Rework = 0 };
}
