using System.ComponentModel.DataAnnotations;

namespace CommandCenter.Web.Data.Rules;

/// <summary>An admin-editable setting stored as JSON (step limits, working hours).</summary>
public sealed class SettingRow
{
    [Key, MaxLength(64)] public required string Key { get; set; }
    public required string Json { get; set; }
}
