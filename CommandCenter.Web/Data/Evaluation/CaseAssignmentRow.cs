namespace CommandCenter.Web.Data.Evaluation;

/// <summary>
/// One department's part in a case (派遣 to it), kept by the trigger <c>case_events_facts</c>: when it was first
/// dispatched there, its first handling there and whether that was on time, and whether its fix failed 核查.
/// Department scores read these.
/// </summary>
public sealed class CaseAssignmentRow
{
    public Guid CaseId { get; set; }
    public required string Department { get; set; }
    public DateTimeOffset DispatchedAt { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public bool? FirstOnTime { get; set; }
    public bool Reworked { get; set; }
    /// <summary>The case as its latest event left it: state, responsible department, running step and its deadline (a shelved case's clock stands still).</summary>
    public required string State { get; set; }
    public string? CurrentDepartment { get; set; }
    public string? ClockStep { get; set; }
    public DateTimeOffset? Deadline { get; set; }
}
