using CommandCenter.Domain.Validation;

namespace CommandCenter.Domain.Streets;

/// <summary>
/// 十无: the ten "nos" a street chief or grid member walks a street against (domain.md §7.1), each mapped to the
/// category (§3) its failure is reported as, so that one tap turns every failed item into a case.
/// </summary>
public static class TenNoChecklist
{
    /// <summary>The ten items in the order of the standard; the mapping is a [D] choice.</summary>
    public static IReadOnlyList<ChecklistItem> Items { get; } =
    [
        new("illegal-structure", "20101"), // 无违法建设 → 私搭乱建
        new("wall-opening", "20101"),      // 无开墙打洞: an unpermitted alteration, reported as an illegal structure
        new("illegal-parking", "20505"),   // 无乱停车 → 机动车乱停放
        new("road-occupation", "20504"),   // 无占道经营 → 店外经营 (§3.3)
        new("messy-cables", "10117"),      // 无架空线乱拉 → 电杆 (the power department owns poles and lines)
        new("damaged-facade", "20599"),    // 无破损立面 → 其他街面秩序问题
        new("bad-signboard", "20202"),     // 无违规牌匾 → 违章张贴悬挂广告牌匾
        new("damaged-road", "20401"),      // 无破损路面 → 路面塌陷 (the municipal department's)
        new("illegal-trading", "20501"),   // 无无照经营 → 无照经营游商
        new("piled-materials", "20507"),   // 无乱堆乱放 → 乱堆物堆料
    ];

    public static ChecklistItem? Find(string? slug) => Items.FirstOrDefault(i => i.Slug == slug);

    /// <summary>Why the answers cannot be taken (empty when they can): unknown or repeated items. A partial walk is allowed.</summary>
    public static IReadOnlyList<FieldError> Check(IReadOnlyList<ChecklistAnswer> answers)
    {
        var errors = new List<FieldError>();
        if (answers.Count == 0)
        {
            errors.Add(new FieldError("items", "Required"));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < answers.Count; i++)
        {
            var item = answers[i].Item;
            if (Find(item) is null)
            {
                errors.Add(new FieldError($"items[{i}].item", "ChecklistItemUnknown", item, string.Join(", ", Items.Select(x => x.Slug))));
            }
            else if (!seen.Add(item))
            {
                errors.Add(new FieldError($"items[{i}].item", "ChecklistItemRepeated", item));
            }
        }
        return errors;
    }

    /// <summary>The failed items, in the order answered: each becomes one case.</summary>
    public static IReadOnlyList<ChecklistItem> Failed(IEnumerable<ChecklistAnswer> answers) =>
        answers.Where(a => !a.Passed).Select(a => Find(a.Item)).OfType<ChecklistItem>().ToList();
}
