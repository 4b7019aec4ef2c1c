namespace CommandCenter.Domain.Evaluation;

/// <summary>
/// 红黑榜: one scope's ranking with its red (best) and black (worst) lists (domain.md §6.2 [D]): red = the top
/// <c>size</c>, black = the bottom <c>size</c> plus every grade E. Freezing a month on publish is the caller's job.
/// </summary>
public sealed record RedBlackList(
    IReadOnlyList<RankedUnit> Ranking,
    IReadOnlyList<RankedUnit> Red,
    IReadOnlyList<RankedUnit> Black,
    IReadOnlyList<string> NotEvaluated)
{
    /// <summary>
    /// Ranks by score, highest first; scores equal to 9 decimals (so floating-point noise never decides a place) go to
    /// the smaller code (ordinal). Units without a score are listed in <see cref="NotEvaluated"/>, not ranked.
    /// With fewer than 2 × <paramref name="size"/> units the heads and tails would overlap, and a unit cannot be
    /// praised and shamed at once: each list then takes half the ranking (rounded down), so the middle unit of
    /// an odd count is on neither. An E is never on the red list, even at the top, and always on the black one.
    /// Red is ordered best first, black worst first.
    /// </summary>
    public static RedBlackList Of(IEnumerable<UnitScore> units, int size = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var all = units.ToList();
        var duplicate = all.GroupBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Unit {duplicate.Key} is listed twice.", nameof(units));

        var ranking = all
            .Where(u => u.Score is not null)
            .OrderByDescending(u => Math.Round(u.Score!.Value, 9))
            .ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select((u, i) => new RankedUnit(i + 1, u.Code, u.Score!))
            .ToList();
        var perList = Math.Min(size, ranking.Count / 2);
        var red = ranking.Take(perList).Where(u => u.Score.Grade != Grade.E).ToList();
        var tail = ranking.Skip(ranking.Count - perList).ToHashSet();
        var black = ranking.Where(u => tail.Contains(u) || u.Score.Grade == Grade.E).Reverse().ToList();
        var notEvaluated = all.Where(u => u.Score is null).Select(u => u.Code).Order(StringComparer.Ordinal).ToList();
        return new RedBlackList(ranking, red, black, notEvaluated);
    }
}
