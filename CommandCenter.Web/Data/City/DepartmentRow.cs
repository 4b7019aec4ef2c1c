using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.City;

/// <summary>专业部门: a responsible department that handles dispatched cases.</summary>
public sealed class DepartmentRow
{
    [Key, MaxLength(32)] public required string Code { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
}
