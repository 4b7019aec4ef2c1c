using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using CommandCenter.Domain.Duty;

namespace CommandCenter.Web.Data.Duty;

/// <summary>
/// 巡查: one patrol of a road director from the phone — its moves (start, pause, resume, end) as JSON, the figures kept
/// up to date as points arrive, and how many posted points were dropped; the points themselves are <see cref="PatrolPointRow"/>s.
/// </summary>
public sealed class PatrolRow
{
    public Guid Id { get; set; }
    [MaxLength(16)] public required string PersonId { get; set; }
    [MaxLength(64)] public required string UserName { get; set; }
    [MaxLength(50)] public required string PersonName { get; set; }
    /// <summary>active, paused or ended.</summary>
    [MaxLength(16)] public required string State { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>JSON array of {move, at}: replayed, it rebuilds the session.</summary>
    public required string Moves { get; set; }
    public double DistanceM { get; set; }
    public int AcceptedPoints { get; set; }
    public int DroppedPoints { get; set; }
    /// <summary>JSON object: dropped points per reason.</summary>
    public required string DroppedByReason { get; set; }
    public double? LastLon { get; set; }
    public double? LastLat { get; set; }
    public DateTimeOffset? LastAt { get; set; }
    public int Version { get; set; }

    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public IReadOnlyList<PatrolEvent> Events() =>
        (JsonSerializer.Deserialize<List<MoveJson>>(Moves, Json) ?? []).Select(m => new PatrolEvent(Enum.Parse<PatrolMove>(m.Move, ignoreCase: true), m.At)).ToList();

    public void SetEvents(IEnumerable<PatrolEvent> events) =>
        Moves = JsonSerializer.Serialize(events.Select(e => new MoveJson(e.Move.ToString().ToLowerInvariant(), e.At)), Json);

    public Dictionary<string, int> Dropped() => JsonSerializer.Deserialize<Dictionary<string, int>>(DroppedByReason, Json) ?? [];

    public static string StateSlug(PatrolState state) => state.ToString().ToLowerInvariant();

    private sealed record MoveJson(string Move, DateTimeOffset At);
}
