namespace CommandCenter.Web.Live;

/// <summary>
/// The reading position in a sequence-numbered log whose writers commit concurrently, so row N+1 may become visible
/// after row N+2. Rows are handed on strictly in sequence order: a missing number is waited for until PostgreSQL's
/// snapshot shows that every transaction that could hold it has finished — then it was rolled back and is skipped.
/// Writers take their transaction id before their sequence number (<c>cc_next_seq</c>), which makes that test sound:
/// the writer of a missing number already had an id below the <c>xmax</c> of the snapshot that first saw the gap.
/// </summary>
public sealed class LogCursor(long position)
{
    private Gap? _gap;

    /// <summary>The last sequence number handed on.</summary>
    public long Position { get; private set; } = position;

    /// <summary>Whether a missing number is being waited for (the follower then looks again soon).</summary>
    public bool WaitingOnGap => _gap is not null;

    /// <summary>
    /// Given the numbers after <see cref="Position"/> that one snapshot shows, ascending, and that snapshot's
    /// <c>xmin</c>/<c>xmax</c>, moves past the ones that can be handed on now and returns how many they are.
    /// </summary>
    public int Advance(IReadOnlyList<long> visible, ulong snapshotXmin, ulong snapshotXmax)
    {
        var taken = 0;
        foreach (var seq in visible)
        {
            if (seq <= Position)
            {
                continue;
            }
            if (seq != Position + 1)
            {
                var settled = _gap is { } g && g.First == Position + 1 && snapshotXmin >= g.Xmax;
                if (!settled)
                {
                    if (_gap?.First != Position + 1)
                    {
                        _gap = new Gap(Position + 1, snapshotXmax);
                    }
                    return taken;
                }
            }
            Position = seq;
            _gap = null;
            taken++;
        }
        return taken;
    }

    private sealed record Gap(long First, ulong Xmax);
}
