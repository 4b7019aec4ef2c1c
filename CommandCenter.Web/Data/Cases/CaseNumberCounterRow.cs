namespace CommandCenter.Web.Data.Cases;

/// <summary>
/// 案件编号 counter of one local day: the last number given. Updated in the creating transaction, so numbers are
/// unique and gap-free under concurrency, and taking the next one costs one row, not a scan of the day's cases.
/// </summary>
public sealed class CaseNumberCounterRow
{
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}
