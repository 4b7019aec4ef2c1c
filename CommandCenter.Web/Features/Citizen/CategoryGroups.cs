using CommandCenter.Web.Rules;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>大类 of a category as the public reads it: kind (部件/事件) and main class from the category code.</summary>
public static class CategoryGroups
{
    public static string Kind(this IStringLocalizer l, CategoryInfo c) => l[$"CategoryKind.{c.Kind}"].Value;

    /// <summary>e.g. 事件/市容环境 for 20102; the code is kind (1 or 2), main class (2 digits), subclass (2 digits).</summary>
    public static string Group(this IStringLocalizer l, CategoryInfo c) => l[$"CategoryGroup.{c.Kind}.{c.Code.Substring(1, 2)}"].Value;
}
