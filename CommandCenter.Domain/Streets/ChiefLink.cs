namespace CommandCenter.Domain.Streets;

/// <summary>One link of a street's chain of chiefs (路长链): who answers at a road-chief level.</summary>
public sealed record ChiefLink(RoadChiefLevel Level, string PersonId);
