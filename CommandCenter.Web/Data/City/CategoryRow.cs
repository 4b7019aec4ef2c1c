using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.City;

/// <summary>部件/事件 category with its default department and handling limit.</summary>
public sealed class CategoryRow
{
    [Key, MaxLength(5)] public required string Code { get; set; }
    public required string Kind { get; set; }
    [MaxLength(2)] public required string MainCode { get; set; }
    [MaxLength(2)] public required string SubCode { get; set; }
    public required string Name { get; set; }
    public required string NameEn { get; set; }
    [MaxLength(32)] public required string DepartmentCode { get; set; }
    public double LimitValue { get; set; }
    public required string LimitUnit { get; set; }
    public bool Sample { get; set; }
}
