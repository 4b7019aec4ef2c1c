namespace CommandCenter.Domain.Intake;

/// <summary>回访 answers a reporter gives once the case is closed: 满意, 基本满意, 不满意 (the values of <c>Case.Satisfaction</c>).</summary>
public static class SatisfactionAnswers
{
    public static readonly IReadOnlyList<string> Slugs = ["satisfied", "basic", "dissatisfied"];

    public static bool IsKnown(string? slug) => slug is not null && Slugs.Contains(slug);
}
