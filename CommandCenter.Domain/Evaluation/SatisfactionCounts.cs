namespace CommandCenter.Domain.Evaluation;

/// <summary>
/// 回访满意度: answers of reporters called back after closing (domain.md §6.2). 满意率 counts 基本满意 as satisfied,
/// as the 12345 hotlines do ((满意 + 基本满意) ÷ 有效回访); <see cref="FullySatisfiedRate"/> shows the strict share.
/// </summary>
public sealed record SatisfactionCounts
{
    /// <summary>满意: reporters who said satisfied.</summary>
    public required long Satisfied { get; init; }
    /// <summary>基本满意: reporters who said basically satisfied.</summary>
    public required long BasicallySatisfied { get; init; }
    /// <summary>不满意: reporters who said dissatisfied.</summary>
    public required long Dissatisfied { get; init; }

    /// <summary>有效回访: call-backs with an answer; unreached reporters are not in any count.</summary>
    public long Answered => Percent.NotNegative(Satisfied) + Percent.NotNegative(BasicallySatisfied) + Percent.NotNegative(Dissatisfied);
    /// <summary>满意率 = (满意 + 基本满意) ÷ answered, %.</summary>
    public double? SatisfactionRate => Percent.Of(Satisfied + BasicallySatisfied, Answered);
    /// <summary>满意 alone ÷ answered, %.</summary>
    public double? FullySatisfiedRate => Percent.Of(Satisfied, Answered);
}
