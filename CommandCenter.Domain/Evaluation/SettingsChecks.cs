using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Evaluation;

/// <summary>Checks shared by the scope formulas' settings.</summary>
internal static class SettingsChecks
{
    /// <summary>How far from 1 a scope's weights may sum (edited decimals like 0.25 + 0.40 + 0.35 are not exact in binary).</summary>
    public const double SumTolerance = 1e-9;

    /// <summary>The refusal of a number that is not finite or lies outside <paramref name="min"/>–<paramref name="max"/>, or null.</summary>
    public static FieldError? InRange(string field, double value, double min, double max, string outOfRangeCode) =>
        !double.IsFinite(value) ? new FieldError(field, "NotAFiniteNumber")
        : value < min || value > max ? new FieldError(field, outOfRangeCode, min, max)
        : null;

    /// <summary>The refusals of named numbers under <paramref name="scope"/>, each checked with <see cref="InRange"/>.</summary>
    public static List<FieldError> AllInRange(string scope, (string Name, double Value)[] values, double min, double max, string outOfRangeCode) =>
        values.Select(v => InRange($"{scope}.{v.Name}", v.Value, min, max, outOfRangeCode)).OfType<FieldError>().ToList();

    /// <summary>Each weight finite and within 0–1.</summary>
    public static IEnumerable<FieldError> Weights(string scope, params (string Name, double Weight)[] weights) =>
        AllInRange(scope, weights, 0, 1, "WeightOutOfRange");

    /// <summary>For a pure weighted sum: the weights add up to 1, so a unit perfect on every term scores 100.</summary>
    public static IEnumerable<FieldError> SumToOne(string scope, params (string Name, double Weight)[] weights)
    {
        var sum = weights.Sum(w => w.Weight);
        if (double.IsFinite(sum) && Math.Abs(sum - 1) > SumTolerance)
            yield return new FieldError(scope, "WeightsDoNotSumToOne", sum);
    }
}
