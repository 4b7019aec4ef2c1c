namespace CommandCenter.Web.Features.Live;

/// <summary>The <c>caseChanged</c> message pushed to every screen, and replayed by <c>/api/events</c>.</summary>
public sealed record CaseChangedMessage(
    long Seq,
    Guid CaseId,
    string Number,
    string Status,
    string StatusName,
    string Category,
    double Lon,
    double Lat,
    string GridCode,
    string? Department,
    DateTimeOffset? Deadline,
    bool Overdue,
    string Action,
    string ActorRole,
    DateTimeOffset At,
    string? Source,
    string? Street,
    string? Level,
    DateTimeOffset ReportedAt)
{
    public static CaseChangedMessage From(Cases.CaseEventRow e) => new(
        e.Seq, e.CaseId, e.CaseNumber, e.ToState,
        Domain.Cases.CaseStates.TryParse(e.ToState, out var s) ? Domain.Cases.CaseStates.NameZh(s) : e.ToState,
        e.CategoryCode, e.Lon, e.Lat, e.GridCode, e.Department, e.Deadline, e.Overdue, e.Action, e.ActorRole, e.At,
        e.Source, e.Street, e.Level, e.ReportedAt);
}
