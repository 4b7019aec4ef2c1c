using CommandCenter.Web.Data;
using CommandCenter.Web.Localization;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Features.Analytics;

/// <summary>Names of a trend's series in the reader's language: categories, sources, departments, "other" and "total".</summary>
public sealed class AnalyticsNames(CaseRulesProvider rules, CommandCenterDb db, IStringLocalizer<SharedResource> l)
{
    public async Task<Func<string, string>> ForAsync(string by, CancellationToken ct = default)
    {
        var categories = (await rules.CurrentAsync(ct)).Categories;
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, d => CultureSetup.IsChinese ? d.Name : d.NameEn, ct);
        return key => key switch
        {
            "other" => l["Trend_other"],
            "total" => l["Trend_total"],
            _ => by switch
            {
                "source" => l.Source(key),
                "department" => departments.GetValueOrDefault(key, key),
                _ => categories.TryGetValue(key, out var c) ? $"{c.Code} {c.DisplayName}" : key,
            },
        };
    }
}
