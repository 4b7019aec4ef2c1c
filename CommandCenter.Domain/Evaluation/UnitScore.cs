namespace CommandCenter.Domain.Evaluation;

/// <summary>One unit of a scope (person, department, region) and its 综合指标值; null when it had nothing to evaluate.</summary>
public sealed record UnitScore(string Code, Score? Score);
