using CommandCenter.Domain.Evaluation;

namespace CommandCenter.Tests.Domain;

/// <summary>Grades (§6.2) and the 红黑榜.</summary>
public sealed class EvaluationRankingTests
{
    private static readonly GradeScale Scale = EvaluationSettings.Defaults.GradeScale;

    [Theory]
    [InlineData(100, Grade.A)]
    [InlineData(90, Grade.A)]
    [InlineData(89.999, Grade.B)]
    [InlineData(75, Grade.B)]
    [InlineData(74.999, Grade.C)]
    [InlineData(60, Grade.C)]
    [InlineData(59.999, Grade.D)]
    [InlineData(40, Grade.D)]
    [InlineData(39.999, Grade.E)]
    [InlineData(0, Grade.E)]
    public void Grades_start_at_90_75_60_and_40(double score, Grade grade) => Assert.Equal(grade, Scale.GradeOf(score));

    [Fact]
    public void A_composite_of_90_on_paper_is_an_A_despite_floating_point_noise()
    {
        // 22 filed, 19 on time, 1 voided; 22 closed, 19 on time:
        // 0.25×1900/22 + 0.40×2100/22 + 0.35×1900/22 = (475 + 840 + 665) ÷ 22 = 1980 ÷ 22 = 90 exactly on paper,
        // but the doubles add up to 89.99999999999999.
        var result = ShiftLeadEvaluation.Of(new ShiftLeadCounts { Filed = 22, FiledOnTime = 19, VoidedAfterFiling = 1, Closed = 22, ClosedOnTime = 19 },
            EvaluationSettings.Defaults);
        Assert.True(result.Composite!.Value < 90);
        Assert.Equal(Grade.A, result.Composite.Grade);
    }

    [Fact]
    public void Edited_thresholds_move_the_grades()
    {
        var strict = new GradeScale { A = 95, B = 85, C = 70, D = 50 };
        Assert.Equal(Grade.B, strict.GradeOf(94));
        Assert.Equal(Grade.E, strict.GradeOf(45));
    }

    [Fact]
    public void Each_grade_has_one_letter_and_a_colour()
    {
        Assert.Equal(["A", "B", "C", "D", "E"], Enum.GetValues<Grade>().Select(g => g.Letter()));
        Assert.Equal([GradeColour.Green, GradeColour.Blue, GradeColour.Yellow, GradeColour.Orange, GradeColour.Red],
            Enum.GetValues<Grade>().Select(g => g.Colour()));
        Assert.Equal("orange", Grade.D.ColourSlug());
    }

    [Fact]
    public void Red_is_the_top_three_and_black_the_bottom_three_with_ties_broken_by_code()
    {
        // Given in a shuffled order; the ranking must not depend on it.
        var list = RedBlackList.Of(
        [
            Unit("d07", 55), Unit("d02", 88), Unit("d08", 30), Unit("d04", 88),
            Unit("d01", 95), Unit("d06", 55), Unit("d03", 88), Unit("d05", 55),
        ]);

        // Ranking: 95 d01; 88 d02, d03, d04 (tied, by code); 55 d05, d06, d07 (tied, by code); 30 d08.
        Assert.Equal(["d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08"], list.Ranking.Select(u => u.Code));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], list.Ranking.Select(u => u.Rank));
        // d04 ties d02 and d03 but loses on code, so it misses the red list.
        Assert.Equal(["d01", "d02", "d03"], list.Red.Select(u => u.Code));
        // Worst first; d05 ties d06 and d07 but wins on code, so it escapes the black list. d08 is also the only E.
        Assert.Equal(["d08", "d07", "d06"], list.Black.Select(u => u.Code));
    }

    [Fact]
    public void Every_E_is_on_the_black_list_even_beyond_the_bottom_three()
    {
        var list = RedBlackList.Of(
        [
            Unit("g01", 96), Unit("g02", 91), Unit("g03", 80), Unit("g04", 62), Unit("g05", 45),
            Unit("g06", 39), Unit("g07", 35), Unit("g08", 20), Unit("g09", 12), Unit("g10", 5),
        ]);

        Assert.Equal(["g01", "g02", "g03"], list.Red.Select(u => u.Code));
        // Bottom three g08–g10, plus the E grades g06 and g07 (< 40).
        Assert.Equal(["g10", "g09", "g08", "g07", "g06"], list.Black.Select(u => u.Code));
    }

    [Fact]
    public void When_everyone_is_an_E_nobody_is_praised_and_everyone_is_on_the_black_list()
    {
        var list = RedBlackList.Of([Unit("r1", 39), Unit("r2", 30), Unit("r3", 30), Unit("r4", 25), Unit("r5", 10), Unit("r6", 5), Unit("r7", 0)]);

        Assert.Empty(list.Red);
        Assert.Equal(["r7", "r6", "r5", "r4", "r3", "r2", "r1"], list.Black.Select(u => u.Code));
    }

    [Fact]
    public void With_fewer_than_six_units_the_lists_split_the_ranking_and_never_share_a_unit()
    {
        // Five units: two red, two black, the middle one on neither.
        var five = RedBlackList.Of([Unit("a", 95), Unit("b", 90), Unit("c", 85), Unit("d", 80), Unit("e", 75)]);
        Assert.Equal(["a", "b"], five.Red.Select(u => u.Code));
        Assert.Equal(["e", "d"], five.Black.Select(u => u.Code));

        // Two units: one each.
        var two = RedBlackList.Of([Unit("a", 95), Unit("b", 90)]);
        Assert.Equal(["a"], two.Red.Select(u => u.Code));
        Assert.Equal(["b"], two.Black.Select(u => u.Code));

        // One unit alone is neither best nor worst of anything.
        var one = RedBlackList.Of([Unit("a", 95)]);
        Assert.Empty(one.Red);
        Assert.Empty(one.Black);

        // …unless it is an E.
        Assert.Equal(["a"], RedBlackList.Of([Unit("a", 20)]).Black.Select(u => u.Code));
    }

    [Fact]
    public void Units_without_a_score_are_not_ranked()
    {
        var list = RedBlackList.Of([Unit("a", 95), new UnitScore("idle", null), Unit("b", 60)]);
        Assert.Equal(["a", "b"], list.Ranking.Select(u => u.Code));
        Assert.Equal(["idle"], list.NotEvaluated);
    }

    [Fact]
    public void Scores_differing_only_by_floating_point_noise_tie_and_go_by_code()
    {
        var list = RedBlackList.Of([Unit("u-b", 90.0), Unit("u-a", 89.99999999999999)]);
        Assert.Equal(["u-a", "u-b"], list.Ranking.Select(u => u.Code));
    }

    [Fact]
    public void A_unit_listed_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => RedBlackList.Of([Unit("a", 95), Unit("a", 60)]));

    [Fact]
    public void The_list_size_is_a_setting()
    {
        var units = Enumerable.Range(1, 10).Select(i => Unit($"u{i:00}", 100 - i)).ToList();
        var list = RedBlackList.Of(units, size: 5);
        Assert.Equal(5, list.Red.Count);
        Assert.Equal(["u10", "u09", "u08", "u07", "u06"], list.Black.Select(u => u.Code));
    }

    private static UnitScore Unit(string code, double score) => new(code, Scale.ScoreOf(score));
}
