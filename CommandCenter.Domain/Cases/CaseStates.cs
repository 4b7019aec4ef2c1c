namespace CommandCenter.Domain.Cases;

/// <summary>Facts about states: which are final, and their Chinese names.</summary>
public static class CaseStates
{
    public static bool IsTerminal(this CaseState state) =>
        state is CaseState.Closed or CaseState.NotFiled or CaseState.Voided or CaseState.Merged;

    public static bool IsOpen(this CaseState state) => !state.IsTerminal();

    public static string Slug(this CaseState state) => state switch
    {
        CaseState.PendingFiling => "pending-filing",
        CaseState.ShelveRequested => "shelve-requested",
        CaseState.PendingClose => "pending-close",
        CaseState.SelfHandled => "self-handled",
        CaseState.NotFiled => "not-filed",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? slug, out CaseState state)
    {
        foreach (var s in Enum.GetValues<CaseState>())
        {
            if (s.Slug() == slug)
            {
                state = s;
                return true;
            }
        }
        state = default;
        return false;
    }

    public static string NameZh(this CaseState state) => state switch
    {
        CaseState.Draft => "草稿",
        CaseState.Reported => "待受理",
        CaseState.Verifying => "待核实",
        CaseState.PendingFiling => "待立案",
        CaseState.Filed => "待派遣",
        CaseState.Dispatched => "处置中",
        CaseState.Returned => "回退待审",
        CaseState.ShelveRequested => "申请挂账",
        CaseState.Shelved => "已挂账",
        CaseState.Handled => "待核查",
        CaseState.Checking => "核查中",
        CaseState.PendingClose => "待结案",
        CaseState.SelfHandled => "现场处置待审",
        CaseState.Closed => "已结案",
        CaseState.NotFiled => "不予立案",
        CaseState.Voided => "已作废",
        CaseState.Merged => "已合并",
        _ => state.ToString(),
    };
}
