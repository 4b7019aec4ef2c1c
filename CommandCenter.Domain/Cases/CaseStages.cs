namespace CommandCenter.Domain.Cases;

/// <summary>Which stage each state belongs to: the one mapping the server sends to every screen.</summary>
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

    public static bool TryParse(string? slug, out CaseStage stage)
    {
        foreach (var s in Enum.GetValues<CaseStage>())
        {
            if (s.Slug() == slug)
            {
                stage = s;
                return true;
            }
        }
        stage = default;
        return false;
    }

    public static IReadOnlyList<CaseState> States(this CaseStage stage) =>
        Enum.GetValues<CaseState>().Where(s => s.StageOf() == stage).ToList();
}
