using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.City;

/// <summary>A demo person with a role: grid member, desk staff, handler, street chief, road director ...</summary>
public sealed class PersonRow
{
    [Key, MaxLength(16)] public required string Id { get; set; }
    /// <summary>As long as a case keeps a street chief's name (cases.street_chief).</summary>
    [MaxLength(50)] public required string Name { get; set; }
    [MaxLength(32)] public required string Role { get; set; }
    public string? Phone { get; set; }
    [MaxLength(32)] public string? DutyGridCode { get; set; }
    [MaxLength(32)] public string? DepartmentCode { get; set; }
}
