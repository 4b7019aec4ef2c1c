namespace CommandCenter.Domain.Streets;

/// <summary>
/// 街巷长任命: one person put in charge of one street from a local date on (from 00:00 local of
/// <see cref="EffectiveFrom"/>), with the person one road-chief level up and optional deputies.
/// </summary>
public sealed record StreetChiefAssignment
{
    public required string StreetId { get; init; }

    public required string PersonId { get; init; }

    public required string PersonName { get; init; }

    public required string Phone { get; init; }

    public required StreetChiefLevel Level { get; init; }

    public required RoadChiefLevel RoadChiefLevel { get; init; }

    /// <summary>The chief one road-chief level up; null only for <see cref="RoadChiefLevel.AreaChief"/>.</summary>
    public string? SupervisorPersonId { get; init; }

    public IReadOnlyList<string> DeputyPersonIds { get; init; } = [];

    /// <summary>The local date from whose 00:00 the person is in charge.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    public required string AssignedBy { get; init; }

    /// <summary>When the assignment was recorded; a later record for the same date corrects an earlier one.</summary>
    public required DateTimeOffset AssignedAt { get; init; }
}
