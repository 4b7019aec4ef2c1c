namespace CommandCenter.Domain.Evaluation;

/// <summary>One row of a count band: a count reaching <see cref="Bound"/> (≥ or ≤, per the table's direction) scores <see cref="Score"/>.</summary>
public sealed record ScoreBand(double Bound, double Score);
