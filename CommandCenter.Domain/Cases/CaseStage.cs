namespace CommandCenter.Domain.Cases;

/// <summary>The four stages the wall display colours cases by (domain.md §8): 上报 / 立案 / 处置 / 结案.</summary>
public enum CaseStage
{
    Report,
    File,
    Handle,
    Close,
}

public static class CaseStages
{
    public static CaseStage StageOf(this CaseState state) => state switch
    {
        CaseState.Draft or CaseState.Reported or CaseState.Verifying or CaseState.PendingFiling => CaseStage.Report,
        CaseState.Filed => CaseStage.File,
        CaseState.Closed or CaseState.NotFiled or CaseState.Voided or CaseState.Merged => CaseStage.Close,
        _ => CaseStage.Handle,
    };

    public static string Slug(this CaseStage stage) => stage.ToString().ToLowerInvariant();

    public static string NameZh(this CaseStage stage) => stage switch
    {
        CaseStage.Report => "上报",
        CaseStage.File => "立案",
        CaseStage.Handle => "处置",
        _ => "结案",
    };

    public static IReadOnlyList<CaseState> States(this CaseStage stage) =>
        Enum.GetValues<CaseState>().Where(s => s.StageOf() == stage).ToList();
}
