namespace CommandCenter.Domain.Cases;

/// <summary>The four stages the wall display colours cases by (domain.md §8): 上报 / 立案 / 处置 / 结案.</summary>
public enum CaseStage
{
    Report,
    File,
    Handle,
    Close,
}
