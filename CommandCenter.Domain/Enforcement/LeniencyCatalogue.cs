using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Enforcement;

/// <summary>
/// 首违免罚清单: the tenant's leniency list, an admin setting. <see cref="Default"/> is a seed modelled on the published
/// lists in domain.md §7.8 (上海 2020, 常德 10 items: ≤ 5 m² road use for ≤ 2 days corrected in time; 九江 2024); its
/// conditions, look-backs and deadlines are sample values (示例值), not any city's law.
/// </summary>
public sealed record LeniencyCatalogue(IReadOnlyList<LeniencyItem> Items)
{
    private const string AdministrativePenaltyLaw = "《中华人民共和国行政处罚法》第三十三条第一款";

    /// <summary>Seed list (示例值).</summary>
    public static LeniencyCatalogue Default { get; } = new(
    [
        new LeniencyItem("LN01", "店外经营（首次）", AdministrativePenaltyLaw, LeniencyKind.First, ["20504"],
            "首次被查；超出门窗经营面积不超过 5 平方米；当场或限时自行收回；无其他违法行为（示例值）", 365, TimeLimit.NaturalHours(2)),
        new LeniencyItem("LN02", "临时占道经营（面积小、时间短，首次）", AdministrativePenaltyLaw, LeniencyKind.First, ["20501", "20503"],
            "首次被查；占道面积不超过 5 平方米且不超过 2 天；未占用盲道、消防通道；按期改正（示例值）", 365, TimeLimit.NaturalHours(24)),
        new LeniencyItem("LN03", "乱堆物堆料（首次）", AdministrativePenaltyLaw, LeniencyKind.First, ["20507"],
            "首次被查；堆放面积不超过 5 平方米；未影响通行与安全；限期清除（示例值）", 365, TimeLimit.WorkingDays(1)),
        new LeniencyItem("LN04", "沿街晾挂（轻微）", AdministrativePenaltyLaw, LeniencyKind.Minor, ["20511"],
            "违法行为轻微，未造成危害后果，当场改正（示例值）", 0, TimeLimit.NaturalHours(1)),
    ]);

    /// <summary>The item covering a category, or null when the category is not on the list.</summary>
    public LeniencyItem? ItemFor(string categoryCode) => Items.FirstOrDefault(i => i.Covers(categoryCode));

    /// <summary>
    /// Refusals of an edited list, field "items[i].x": LeniencyCodeRequired / LeniencyCodeDuplicate (code), LeniencyNameRequired (name),
    /// LeniencyCategoriesRequired / LeniencyCategoryListedTwice (categoryCodes; args category, other item), LeniencyLookBackNotPositive
    /// (lookBackDays, first-offence items), LeniencyCorrectionNotPositive (correctionLimit).
    /// </summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            var at = $"items[{i}]";
            if (string.IsNullOrWhiteSpace(item.Code))
            {
                errors.Add(new FieldError(at + ".code", "LeniencyCodeRequired"));
            }
            else if (!codes.Add(item.Code))
            {
                errors.Add(new FieldError(at + ".code", "LeniencyCodeDuplicate", item.Code));
            }
            if (string.IsNullOrWhiteSpace(item.Name))
            {
                errors.Add(new FieldError(at + ".name", "LeniencyNameRequired"));
            }
            if (item.CategoryCodes.Count == 0)
            {
                errors.Add(new FieldError(at + ".categoryCodes", "LeniencyCategoriesRequired"));
            }
            foreach (var category in item.CategoryCodes)
            {
                if (!categories.TryAdd(category, item.Code))
                {
                    errors.Add(new FieldError(at + ".categoryCodes", "LeniencyCategoryListedTwice", category, categories[category]));
                }
            }
            if (item.Kind == LeniencyKind.First && item.LookBackDays <= 0)
            {
                errors.Add(new FieldError(at + ".lookBackDays", "LeniencyLookBackNotPositive", item.LookBackDays));
            }
            if (!(item.CorrectionLimit.Value > 0))
            {
                errors.Add(new FieldError(at + ".correctionLimit", "LeniencyCorrectionNotPositive", item.CorrectionLimit.Value));
            }
        }
        return errors;
    }
}
