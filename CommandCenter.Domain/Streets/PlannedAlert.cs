namespace CommandCenter.Domain.Streets;

/// <summary>An alert (督办提醒) to a chief at a road-chief level, falling due at an instant.</summary>
public sealed record PlannedAlert(RoadChiefLevel Level, string PersonId, DateTimeOffset DueAt);
