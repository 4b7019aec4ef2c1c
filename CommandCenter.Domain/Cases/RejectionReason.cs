namespace CommandCenter.Domain.Cases;

/// <summary>不予立案 reasons for public reports (domain.md §7.9), with API slugs.</summary>
public static class RejectionReason
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["out-of-scope"] = "不属于城管受理范围",
        ["unclear-photo"] = "照片不清晰无法判断",
        ["duplicate"] = "重复上报",
        ["already-filed"] = "已立案处理中",
        ["untrue"] = "情况不属实",
        ["split-report"] = "同一问题拆分上报",
        ["wrong-location"] = "位置不准确",
        ["outside-jurisdiction"] = "非本辖区",
        ["other"] = "其他",
    };

    public static bool IsKnown(string? slug) => slug is not null && All.ContainsKey(slug);
}
