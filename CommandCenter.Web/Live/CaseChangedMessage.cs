using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data.Cases;

namespace CommandCenter.Web.Live;

/// <summary>
/// The <c>caseChanged</c> message pushed to screens and replayed by <c>/api/events</c>. It carries the server's own
/// reading of the case — stage, open, overdue, clock colour, flags — so no screen re-derives them; names are slugs,
/// worded by each screen in its language.
/// </summary>
public sealed record CaseChangedMessage(
    long Seq,
    Guid CaseId,
    string Number,
    string Status,
    string Stage,
    bool Open,
    string Category,
    double Lon,
    double Lat,
    string GridCode,
    string DutyGrid,
    string? Department,
    string? PreviousDepartment,
    DateTimeOffset? Deadline,
    bool Overdue,
    string? Level,
    int Supervision,
    string[] Flags,
    string Action,
    string ActorRole,
    DateTimeOffset At,
    string? Source,
    string? Street,
    DateTimeOffset ReportedAt,
    string? StreetId = null,
    string? StreetChiefPersonId = null)
{
    public static CaseChangedMessage From(CaseEventRow e)
    {
        var state = CaseStates.TryParse(e.ToState, out var s) ? s : CaseState.Reported;
        return new(e.Seq, e.CaseId, e.CaseNumber, e.ToState, state.StageOf().Slug(), state.IsOpen(), e.CategoryCode, e.Lon, e.Lat,
            e.GridCode, e.DutyGridCode, e.Department, e.PreviousDepartment, e.Deadline, e.Overdue, e.Level, e.Supervision, e.Flags,
            e.Action, e.ActorRole, e.At, e.Source, e.Street, e.ReportedAt, e.StreetId, e.StreetChiefPersonId);
    }

    /// <summary>The live-feed groups that may see this event (its duty grid, its departments, its street chief, the city desks).</summary>
    public IReadOnlyList<string> Groups => StreetChiefPersonId is { } chief
        ? [.. ReadScope.GroupsFor(DutyGrid, Department, PreviousDepartment), ReadScope.ChiefGroup(chief)]
        : ReadScope.GroupsFor(DutyGrid, Department, PreviousDepartment);

    /// <summary>Whether a reader with <paramref name="scope"/> may see this event (the case now, or the department it just left).</summary>
    public bool VisibleTo(ReadScope scope) => scope.Allows(DutyGrid, Department, StreetChiefPersonId)
        || (PreviousDepartment is not null && scope.Allows(DutyGrid, PreviousDepartment, StreetChiefPersonId));
}
