namespace CommandCenter.Domain.Evaluation;

/// <summary>综合指标值: a composite score 0–100 (unrounded) and the grade it earns.</summary>
public sealed record Score(double Value, Grade Grade);
