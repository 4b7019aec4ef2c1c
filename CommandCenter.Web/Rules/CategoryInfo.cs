using System.Globalization;
using CommandCenter.Domain.Clocks;

namespace CommandCenter.Web.Rules;

/// <summary>A 部件/事件 category as the workflow needs it: names, default department and handling limit.</summary>
public sealed record CategoryInfo(string Code, string Kind, string Name, string NameEn, string DepartmentCode, TimeLimit HandlingLimit, bool Sample)
{
    /// <summary>The name in the current UI language.</summary>
    public string DisplayName => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Name : NameEn;
}
