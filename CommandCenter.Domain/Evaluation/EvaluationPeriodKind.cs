namespace CommandCenter.Domain.Evaluation;

/// <summary>What an <see cref="EvaluationPeriod"/> is: one day (日), one Monday–Sunday week (周), one calendar month (月) or any other range.</summary>
public enum EvaluationPeriodKind
{
    Day,
    Week,
    Month,
    Range,
}
