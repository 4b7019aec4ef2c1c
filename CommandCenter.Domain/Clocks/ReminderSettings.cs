using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Clocks;

/// <summary>
/// 自动催办/督办设置: at which shares of a step's limit the system chases (催办) and supervises (督办) by itself,. Design defaults (domain.md §4.3, §5.1), edited by an admin.
/// </summary>
public sealed record ReminderSettings
{
    public const int MaxLevels = 5;
    public const double MaxShare = 10;

    /// <summary>催办 levels as shares of the limit used: by default on turning yellow (50 %) and orange (80 %).</summary>
    public IReadOnlyList<double> ChaseAt { get; init; } = [0.5, 0.8];

    /// <summary>督办 levels: by default once overdue (1, i.e. past the deadline) and at twice the limit (2, purple).</summary>
    public IReadOnlyList<double> SuperviseAt { get; init; } = [1.0, 2.0];

    public static ReminderSettings Defaults { get; } = new();

    /// <summary>
    /// Refuses shares that are not above 0 and at most <see cref="MaxShare"/> times the limit, shares not strictly increasing
    /// within their list, and more than <see cref="MaxLevels"/> levels.
    /// </summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var refusals = new List<FieldError>();
        CheckShares("chaseAt", ChaseAt, refusals);
        CheckShares("superviseAt", SuperviseAt, refusals);
        return refusals;
    }

    private static void CheckShares(string field, IReadOnlyList<double> shares, List<FieldError> refusals)
    {
        if (shares.Count > MaxLevels)
        {
            refusals.Add(new FieldError(field, "ReminderTooManyLevels", MaxLevels, shares.Count));
        }
        double? previous = null;
        for (var i = 0; i < shares.Count; i++)
        {
            // Written so that NaN is refused too.
            if (!(shares[i] > 0 && shares[i] <= MaxShare))
            {
                refusals.Add(new FieldError($"{field}[{i}]", "ReminderShareRange", MaxShare));
                continue;
            }
            if (shares[i] <= previous)
            {
                refusals.Add(new FieldError($"{field}[{i}]", "ReminderShareOrder", previous.Value));
            }
            previous = shares[i];
        }
    }
}
