using System.Runtime.CompilerServices;

namespace CommandCenter.Domain.Evaluation;

/// <summary>Rates as percentages 0–100, kept as doubles (round only for display); null when there is no denominator.</summary>
public static class Percent
{
    /// <summary>
    /// <paramref name="part"/> ÷ <paramref name="whole"/> × 100, or null ("not applicable") when <paramref name="whole"/> is 0.
    /// Every count record defines its parts as subsets of their wholes, so a part above its whole is a counting
    /// mistake and throws rather than showing 120 % on the wall.
    /// </summary>
    public static double? Of(long part, long whole,
        [CallerArgumentExpression(nameof(part))] string partName = "",
        [CallerArgumentExpression(nameof(whole))] string wholeName = "")
    {
        CheckSubset(part, whole, partName, wholeName);
        return whole == 0 ? null : 100.0 * part / whole;
    }

    /// <summary>Throws unless 0 ≤ <paramref name="part"/> ≤ <paramref name="whole"/>; for subsets no rate divides by.</summary>
    internal static void CheckSubset(long part, long whole,
        [CallerArgumentExpression(nameof(part))] string partName = "",
        [CallerArgumentExpression(nameof(whole))] string wholeName = "")
    {
        if (part < 0)
            throw new ArgumentOutOfRangeException(partName, part, "A count cannot be negative.");
        if (whole < 0)
            throw new ArgumentOutOfRangeException(wholeName, whole, "A count cannot be negative.");
        if (part > whole)
            throw new ArgumentException($"{partName} ({part}) cannot exceed {wholeName} ({whole}).", partName);
    }

    /// <summary>The count, or a throw when it is negative; for counts used outside a rate (a band's count, a subtracted count).</summary>
    internal static long NotNegative(long count, [CallerArgumentExpression(nameof(count))] string name = "") =>
        count >= 0 ? count : throw new ArgumentOutOfRangeException(name, count, "A count cannot be negative.");

    /// <summary>A count per month: the count divided by the months it covers (1 for a calendar month); throws on a negative count or a non-positive span.</summary>
    internal static double PerMonth(long count, double months, [CallerArgumentExpression(nameof(count))] string name = "")
    {
        if (!(months > 0) || !double.IsFinite(months))
            throw new ArgumentOutOfRangeException(nameof(months), months, "A period covers a positive number of months.");
        return NotNegative(count, name) / months;
    }

    /// <summary>100 − rate, for "lower is better" rates (漏报率, 返工率) inside a composite; null stays null.</summary>
    public static double? Complement(double? rate) => 100 - rate;
}
