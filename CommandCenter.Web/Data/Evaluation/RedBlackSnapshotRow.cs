namespace CommandCenter.Web.Data.Evaluation;

/// <summary>
/// 红黑榜 as published: one month's red and black lists of one scope (departments, subdistricts), frozen the first time
/// they are read after the month is over, so later corrections of the month's cases do not silently change a list
/// that was already shown (domain.md §6.2 "frozen on publish"). <see cref="Board"/> is the lists as JSON.
/// </summary>
public sealed class RedBlackSnapshotRow
{
    public DateOnly Month { get; set; }
    public required string Scope { get; set; }
    public DateTimeOffset FrozenAt { get; set; }
    public required string Board { get; set; }
}
