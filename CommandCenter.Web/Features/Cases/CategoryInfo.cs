using CommandCenter.Domain.Clocks;

namespace CommandCenter.Web.Features.Cases;

/// <summary>A 部件/事件 category as the workflow needs it: names, default department and handling limit.</summary>
public sealed record CategoryInfo(string Code, string Kind, string Name, string NameEn, string DepartmentCode, TimeLimit HandlingLimit, bool Sample);
