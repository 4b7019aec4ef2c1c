using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Intake;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// A case as the public may see it (status page, Open311): stage, place, deadline, department and after-photo, and
/// nothing about the people — no reporter, no staff names, no notes.
/// </summary>
public sealed record PublicCase(
    Guid Id, string Number, string CategoryCode, string CategoryName, CaseState State, bool Open, string? RejectionReason,
    string? MasterNumber, string? DepartmentName, string Description, string? Address, string? StreetId, double Lon, double Lat,
    DateTimeOffset ReportedAt, DateTimeOffset UpdatedAt, DateTimeOffset? Deadline, Guid? AfterPhotoId, string? SubmittedMediaUrl,
    string? Satisfaction, IReadOnlyList<PublicMilestone> Milestones)
{
    public PublicStage Stage => PublicProgress.StageOf(State);
}
