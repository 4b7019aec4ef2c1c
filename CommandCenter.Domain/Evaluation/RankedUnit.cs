namespace CommandCenter.Domain.Evaluation;

/// <summary>A unit's place in a scope's ranking: 1 is best; places are distinct (ties are broken by code).</summary>
public sealed record RankedUnit(int Rank, string Code, Score Score);
