using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Intake;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Data.Photos;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// Reads cases for the public (status page, Open311 GET): the public reads the whole city (<see cref="ReadScope.City"/>),
/// but only through <see cref="PublicCase"/>, which carries no personal data. Drafts are not public.
/// </summary>
public sealed class PublicCases(CommandCenterDb db, CaseRulesProvider rulesProvider)
{
    private static readonly ReadScope Public = ReadScope.City;

    /// <summary>One case by its number, with its public timeline.</summary>
    public async Task<PublicCase?> ByNumberAsync(string number, CancellationToken ct = default)
    {
        var c = CouldBeKey(number) ? await Cases().SingleOrDefaultAsync(x => x.Number == number, ct) : null;
        if (c is null)
        {
            return null;
        }
        var transitions = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Seq)
            .Select(e => new { e.At, e.ToState }).ToListAsync(ct);
        var milestones = PublicProgress.Milestones(transitions
            .Select(e => (e.At, CaseStates.TryParse(e.ToState, out var s) ? s : CaseState.Reported)));
        return (await ViewsAsync([c], ct)).Single() with { Milestones = milestones };
    }

    /// <summary>An Open311 search, newest first.</summary>
    public async Task<IReadOnlyList<PublicCase>> SearchAsync(Open311Query q, CancellationToken ct = default)
    {
        var query = Cases();
        if (q.Numbers is { Count: > 0 } numbers)
        {
            var wellFormed = numbers.Where(CouldBeKey).ToList();
            query = query.Where(c => wellFormed.Contains(c.Number));
        }
        else
        {
            // PostgreSQL takes instants in UTC only.
            var (from, to) = (q.Window.From.ToUniversalTime(), q.Window.To.ToUniversalTime());
            query = query.Where(c => c.ReportedAt >= from && c.ReportedAt <= to);
            if (q.Categories is { Count: > 0 } categories)
            {
                query = query.Where(c => categories.Contains(c.CategoryCode));
            }
            if (q.Open is { } open)
            {
                var states = Enum.GetValues<CaseState>().Where(s => PublicProgress.IsOpen(s) == open).ToList();
                query = query.Where(c => states.Contains(c.State));
            }
        }
        var page = await query.OrderByDescending(c => c.ReportedAt).ThenByDescending(c => c.Number)
            .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToListAsync(ct);
        return await ViewsAsync(page, ct);
    }

    /// <summary>The case number a reporter's token belongs to.</summary>
    public async Task<string?> NumberOfTokenAsync(string token, CancellationToken ct = default) =>
        !CouldBeKey(token) ? null : await db.CitizenReports.AsNoTracking().Where(r => r.Token == token).Select(r => r.CaseNumber).SingleOrDefaultAsync(ct);

    /// <summary>Whether <paramref name="token"/> is the reporter's token of the case (it lets them rate it).</summary>
    public async Task<bool> TokenMatchesAsync(string number, string? token, CancellationToken ct = default) =>
        token is { Length: > 0 } && CouldBeKey(token) && CouldBeKey(number) && await db.CitizenReports.AsNoTracking().AnyAsync(r => r.CaseNumber == number && r.Token == token, ct);

    /// <summary>The after-photo of a closed case, the only photo the public may see.</summary>
    public async Task<PhotoRow?> AfterPhotoAsync(string number, CancellationToken ct = default)
    {
        var c = CouldBeKey(number) ? await Cases().Where(x => x.Number == number).Select(x => new { x.Id, x.State }).SingleOrDefaultAsync(ct) : null;
        if (c is null || c.State != CaseState.Closed)
        {
            return null;
        }
        var ids = await AfterPhotosAsync([c.Id], ct);
        return ids.TryGetValue(c.Id, out var photo) ? await db.Photos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photo, ct) : null;
    }

    /// <summary>Case numbers and tokens are short and printable; anything else is no case (and never reaches PostgreSQL, which refuses NUL).</summary>
    private static bool CouldBeKey(string? text) => text is { Length: > 0 and <= 64 } && !text.Any(char.IsControl);

    private IQueryable<Case> Cases() => db.Cases.AsNoTracking().VisibleTo(Public).Where(c => c.State != CaseState.Draft);

    private async Task<List<PublicCase>> ViewsAsync(IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var rules = await rulesProvider.CurrentAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Code, ct);
        var masterIds = cases.Where(c => c.MasterCaseId is not null).Select(c => c.MasterCaseId!.Value).ToList();
        var masters = await db.Cases.AsNoTracking().Where(c => masterIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var media = await db.CitizenReports.AsNoTracking().Where(r => ids.Contains(r.CaseId) && r.MediaUrl != null)
            .ToDictionaryAsync(r => r.CaseId, r => r.MediaUrl, ct);
        var afterPhotos = await AfterPhotosAsync(cases.Where(c => c.State == CaseState.Closed).Select(c => c.Id).ToList(), ct);
        var chinese = Localization.CultureSetup.IsChinese;
        return cases.Select(c => new PublicCase(
            c.Id, c.Number, c.CategoryCode, rules.Categories.GetValueOrDefault(c.CategoryCode)?.DisplayName ?? c.CategoryCode, c.State,
            PublicProgress.IsOpen(c.State), c.RejectionReason, c.MasterCaseId is { } m ? masters.GetValueOrDefault(m) : null,
            c.DepartmentCode is { } d && departments.TryGetValue(d, out var dept) ? (chinese ? dept.Name : dept.NameEn) : null,
            c.Description, c.Address, c.StreetId, c.Location.X, c.Location.Y, c.ReportedAt, c.UpdatedAt,
            PublicProgress.IsOpen(c.State) ? c.StepDeadline : null, afterPhotos.TryGetValue(c.Id, out var after) ? after : null,
            media.GetValueOrDefault(c.Id), c.Satisfaction, [])).ToList();
    }

    /// <summary>Per case, the last photo of its last fix (处置反馈), else of its on-the-spot fix.</summary>
    private async Task<Dictionary<Guid, Guid>> AfterPhotosAsync(IReadOnlyList<Guid> caseIds, CancellationToken ct)
    {
        if (caseIds.Count == 0)
        {
            return [];
        }
        var fixes = await db.CaseEvents.AsNoTracking()
            .Where(e => caseIds.Contains(e.CaseId) && (e.Action == "handle" || e.Action == "self-handle") && e.PhotoIds.Length > 0)
            .OrderBy(e => e.Seq).Select(e => new { e.CaseId, e.Action, e.PhotoIds }).ToListAsync(ct);
        return fixes.GroupBy(f => f.CaseId).ToDictionary(
            g => g.Key,
            g => (g.LastOrDefault(f => f.Action == "handle") ?? g.Last()).PhotoIds[^1]);
    }
}
