using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Evaluation;

/// <summary>721工作法 target shares in %: 70 service, 20 management, 10 enforcement (domain.md §6.2 [L]).</summary>
public sealed record Resolution721Target
{
    public double Service { get; init; } = 70;
    public double Management { get; init; } = 20;
    public double Enforcement { get; init; } = 10;

    /// <summary>Each share within 0–100, together 100.</summary>
    public IEnumerable<FieldError> Validate(string field)
    {
        (string Name, double Share)[] shares = [("service", Service), ("management", Management), ("enforcement", Enforcement)];
        var errors = SettingsChecks.AllInRange(field, shares, 0, 100, "ShareOutOfRange");
        var sum = shares.Sum(s => s.Share);
        if (errors.Count == 0 && Math.Abs(sum / 100 - 1) > SettingsChecks.SumTolerance)
            errors.Add(new FieldError(field, "SharesDoNotSumToHundred", sum));
        return errors;
    }
}
