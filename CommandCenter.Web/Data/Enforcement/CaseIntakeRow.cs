using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Enforcement;

/// <summary>
/// What intake found for a case at the moment it was registered, kept as the answer gave it: the zone check of a
/// vending case, the 首违免罚 decision for its party, the bike fence a 0506 case snapped to (JSON each).
/// </summary>
public sealed class CaseIntakeRow
{
    [Key] public Guid CaseId { get; set; }
    [MaxLength(120)] public string? Party { get; set; }
    public string? ZoneCheck { get; set; }
    public string? Leniency { get; set; }
    public string? BikeFence { get; set; }
}
