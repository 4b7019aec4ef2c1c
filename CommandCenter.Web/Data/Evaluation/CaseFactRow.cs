namespace CommandCenter.Web.Data.Evaluation;

/// <summary>
/// One filed case's evaluation facts, kept by a trigger on <c>case_events</c> (migration Evaluation) in the writing
/// transaction: where and when it was filed (立案), its first handling and whether it and every later one were on
/// time, and whether it ever failed 核查. Region scores read these instead of the case's whole audit trail.
/// </summary>
public sealed class CaseFactRow
{
    public Guid CaseId { get; set; }
    public required string GridCode { get; set; }
    public required string DutyGridCode { get; set; }
    public DateTimeOffset FiledAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public bool? FirstHandleOnTime { get; set; }
    public bool? AllHandleOnTime { get; set; }
    public bool Reworked { get; set; }
    /// <summary>The case as its latest event left it: state, responsible department, running step and its deadline (a shelved case's clock stands still).</summary>
    public required string State { get; set; }
    public string? Department { get; set; }
    public string? ClockStep { get; set; }
    public DateTimeOffset? Deadline { get; set; }
}
