namespace CommandCenter.Bench;

/// <summary>
/// One benchmark measure: it measures CommandCenter and its anchor (what is physically possible on this machine for
/// the same work) in the same run and says whether the goal is met. New measures are added to <see cref="Measures.All"/>.
/// </summary>
public interface IMeasure
{
    /// <summary>Short id used by <c>--only</c> and in the results (P1 … P5).</summary>
    string Id { get; }

    string Title { get; }

    Task<IReadOnlyList<MeasureResult>> RunAsync(BenchContext context, CancellationToken ct);
}
