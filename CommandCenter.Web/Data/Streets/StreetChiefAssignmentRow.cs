using System.ComponentModel.DataAnnotations;
using CommandCenter.Domain.Streets;

namespace CommandCenter.Web.Data.Streets;

/// <summary>
/// One recorded chief assignment of a street (街巷长任命), kept for good: the street's history is every row of it, and
/// the chief in charge at a moment is read from them by <see cref="StreetChiefRoster"/>.
/// </summary>
public sealed class StreetChiefAssignmentRow
{
    public long Id { get; set; }
    [MaxLength(16)] public required string StreetId { get; set; }
    [MaxLength(16)] public required string PersonId { get; set; }
    [MaxLength(50)] public required string PersonName { get; set; }
    [MaxLength(32)] public required string Phone { get; set; }
    /// <summary>street (街长) or lane (巷长).</summary>
    [MaxLength(8)] public required string Level { get; set; }
    /// <summary>路长 level 1–3 (1 is the area chief).</summary>
    public int RoadChiefLevel { get; set; }
    [MaxLength(16)] public string? SupervisorPersonId { get; set; }
    public string[] DeputyPersonIds { get; set; } = [];
    public DateOnly EffectiveFrom { get; set; }
    [MaxLength(64)] public required string AssignedBy { get; set; }
    public DateTimeOffset AssignedAt { get; set; }

    public StreetChiefAssignment ToDomain() => new()
    {
        StreetId = StreetId, PersonId = PersonId, PersonName = PersonName, Phone = Phone,
        Level = LevelOf(Level), RoadChiefLevel = (RoadChiefLevel)RoadChiefLevel, SupervisorPersonId = SupervisorPersonId,
        DeputyPersonIds = DeputyPersonIds, EffectiveFrom = EffectiveFrom, AssignedBy = AssignedBy, AssignedAt = AssignedAt,
    };

    public static StreetChiefAssignmentRow From(StreetChiefAssignment a) => new()
    {
        StreetId = a.StreetId, PersonId = a.PersonId, PersonName = a.PersonName, Phone = a.Phone, Level = SlugOf(a.Level),
        RoadChiefLevel = (int)a.RoadChiefLevel, SupervisorPersonId = a.SupervisorPersonId, DeputyPersonIds = [.. a.DeputyPersonIds],
        EffectiveFrom = a.EffectiveFrom, AssignedBy = a.AssignedBy, AssignedAt = a.AssignedAt,
    };

    public static string SlugOf(StreetChiefLevel level) => level == StreetChiefLevel.Lane ? "lane" : "street";

    public static StreetChiefLevel LevelOf(string slug) => slug == "lane" ? StreetChiefLevel.Lane : StreetChiefLevel.Street;

    /// <summary>The level slug of the imported street's "街长" / "巷长".</summary>
    public static string SlugOfImported(string level) => level == "巷长" ? "lane" : "street";
}
