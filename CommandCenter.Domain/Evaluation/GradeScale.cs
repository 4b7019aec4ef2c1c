using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Evaluation;

/// <summary>等级划分: the lowest score of each grade, A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else E (domain.md §6.2, UNI).</summary>
public sealed record GradeScale
{
    public double A { get; init; } = 90;
    public double B { get; init; } = 75;
    public double C { get; init; } = 60;
    public double D { get; init; } = 40;

    /// <summary>
    /// Floating-point slack when comparing with a threshold: a composite that is 90 on paper can come out as
    /// 89.99999999999999 after the weighted sum, and must still be an A. 89.999 is a B.
    /// </summary>
    public const double Tolerance = 1e-9;

    public Grade GradeOf(double score) =>
        score >= A - Tolerance ? Grade.A
        : score >= B - Tolerance ? Grade.B
        : score >= C - Tolerance ? Grade.C
        : score >= D - Tolerance ? Grade.D
        : Grade.E;

    /// <summary>The score with its grade, or null when there is no score (nothing to evaluate).</summary>
    public Score? ScoreOf(double? value) => value is { } v ? new Score(v, GradeOf(v)) : null;

    /// <summary>Each threshold within 0–100 and A &gt; B &gt; C &gt; D.</summary>
    public IEnumerable<FieldError> Validate(string field)
    {
        (string Name, double Value)[] thresholds = [("a", A), ("b", B), ("c", C), ("d", D)];
        var errors = SettingsChecks.AllInRange(field, thresholds, 0, 100, "GradeThresholdOutOfRange");
        if (errors.Count == 0)
            for (var i = 1; i < thresholds.Length; i++)
                if (thresholds[i].Value >= thresholds[i - 1].Value)
                    errors.Add(new FieldError($"{field}.{thresholds[i].Name}", "GradeThresholdsNotDescending"));
        return errors;
    }
}
