namespace CommandCenter.Domain.Duty;

/// <summary>What became of a batch of posted GPS points: those kept, and how many were dropped for each reason.</summary>
public sealed record AcceptResult(IReadOnlyList<PatrolPoint> Accepted, IReadOnlyDictionary<PatrolPointDropReason, int> Dropped)
{
    public int DroppedCount => Dropped.Values.Sum();

    public int DroppedFor(PatrolPointDropReason reason) => Dropped.GetValueOrDefault(reason);
}
