namespace CommandCenter.Bench;

/// <summary>Every measure <c>./bench.sh</c> runs, in order. Add a measure here (not in Program.cs).</summary>
public static class Measures
{
    public static IReadOnlyList<IMeasure> All { get; } =
    [
        new PushBench(),
        new IntakeBench(),
        new LookupBench(),
        new TileBench(),
        new WallBench(),
        new EvaluationBench(),
        new TrendBench(),
    ];
}
