using CommandCenter.Domain.Cases;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Rules;

namespace CommandCenter.Web.Features.Cases;

/// <summary>The audit line of a transition as stored: one mapping for the case service and the history loader.</summary>
public static class CaseEventRows
{
    public static CaseEventRow From(Case c, CaseTransition t, string? fromState, string? previousDepartment, CaseRulesProvider.Snapshot rules)
    {
        var reading = c.ReadClock(rules.Clock, t.At);
        return new CaseEventRow
        {
            CaseId = c.Id, CaseNumber = c.Number, Action = t.Action.Slug(), FromState = fromState, ToState = t.To.Slug(),
            Actor = t.Actor, ActorRole = t.Role.Slug(), At = t.At, Note = t.Note, PhotoIds = [.. t.PhotoIds],
            Department = c.DepartmentCode, PreviousDepartment = previousDepartment,
            Step = t.Step?.Slug(), Deadline = t.Deadline,
            FinishedStep = t.Finished?.Step.Slug(), FinishedDeadline = t.Finished?.Deadline, OnTime = t.Finished?.OnTime,
            Overdue = reading?.IsOverdue ?? false, Level = reading?.Level.ToString().ToLowerInvariant(),
            CategoryCode = c.CategoryCode, GridCode = c.GridCode, DutyGridCode = c.DutyGridCode, Lon = c.Location.X, Lat = c.Location.Y,
            Source = c.Source.Slug(), Street = c.StreetName ?? c.Address, ReportedAt = c.ReportedAt,
            Supervision = c.SupervisionLevel, Flags = CaseFlags.Of(c, rules.Settings).Slugs,
            StreetId = c.StreetId, StreetChiefPersonId = c.StreetChiefPersonId,
        };
    }
}
