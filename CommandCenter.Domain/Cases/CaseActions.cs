using System.Text;

namespace CommandCenter.Domain.Cases;

/// <summary>Action slugs (kebab-case, as in the API path) and Chinese names.</summary>
public static class CaseActions
{
    private static readonly Dictionary<CaseAction, string> Slugs = Enum.GetValues<CaseAction>().ToDictionary(a => a, ToSlug);
    private static readonly Dictionary<string, CaseAction> BySlug = Slugs.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    public static string Slug(this CaseAction action) => Slugs[action];

    public static bool TryParse(string? slug, out CaseAction action) => BySlug.TryGetValue(slug ?? "", out action);

    public static IEnumerable<string> AllSlugs => Slugs.Values;

    public static string NameZh(this CaseAction action) => action switch
    {
        CaseAction.Report => "上报",
        CaseAction.Accept => "受理",
        CaseAction.Verify => "核实属实",
        CaseAction.VerifyFalse => "核实不属实",
        CaseAction.Merge => "合并",
        CaseAction.Reject => "不予立案",
        CaseAction.File => "立案",
        CaseAction.Dispatch => "派遣",
        CaseAction.Return => "申请回退",
        CaseAction.ApproveReturn => "同意回退并改派",
        CaseAction.DenyReturn => "驳回回退",
        CaseAction.RequestExtension => "申请延期",
        CaseAction.ApproveExtension => "批准延期",
        CaseAction.DenyExtension => "驳回延期",
        CaseAction.RequestShelve => "申请挂账",
        CaseAction.ApproveShelve => "批准挂账",
        CaseAction.DenyShelve => "驳回挂账",
        CaseAction.Restore => "挂账恢复",
        CaseAction.Handle => "处置反馈",
        CaseAction.SendCheck => "发核查",
        CaseAction.CheckPass => "核查通过",
        CaseAction.CheckFail => "核查不通过(返工)",
        CaseAction.Close => "结案",
        CaseAction.SelfHandle => "现场处置",
        CaseAction.ApproveSelfHandled => "现场处置审核通过",
        CaseAction.RejectSelfHandled => "现场处置审核不通过",
        CaseAction.Void => "作废",
        CaseAction.Supervise => "督办",
        _ => action.ToString(),
    };

    private static string ToSlug(CaseAction action)
    {
        var name = action.ToString();
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                sb.Append('-');
            }
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}
