using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Intake;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Citizen;

/// <summary>
/// 热线受理: an operator registers a 12319/12345 call as a case (caller, nature, category, place). When the call is about
/// an open case the duplicate hint showed, it is registered and at once merged (合并) into that case by the operator:
/// the caller is on record, the case is worked once.
/// </summary>
public sealed class HotlineDesk(CommandCenterDb db, CitizenIntake intake, CaseService cases)
{
    public sealed record Outcome(CitizenIntakeResult Registered, Refusal? MergeRefused);

    public async Task<Outcome> RegisterAsync(HotlineCall call, Actor operatorActor, CancellationToken ct = default)
    {
        var errors = TextInput.Collect(TextInput.Check("phone", call.Phone, 30, required: true));
        if (!CaseSources.TryParse(call.Source, out var source) || !source.IsHotline())
        {
            errors.Add(new Domain.Validation.FieldError("source", "HotlineSource"));
        }
        if (call.AttachTo is { } masterId && !await db.Cases.AnyAsync(c => c.Id == masterId && CaseStates.Open.Contains(c.State), ct))
        {
            errors.Add(new Domain.Validation.FieldError("attachTo", "MasterNotOpen"));
        }
        if (errors.Count > 0)
        {
            return new Outcome(CitizenIntakeResult.Fail(Refusal.BadRequest([.. errors])), null);
        }
        var registered = await intake.SubmitAsync(new CitizenReport
        {
            Source = source, Actor = operatorActor, Category = call.Category, Lon = call.Lon, Lat = call.Lat, StreetId = call.StreetId,
            Address = call.Address, Description = call.Description, PhotoIds = call.PhotoIds ?? [], Name = call.Name, Phone = call.Phone,
            Nature = call.Nature,
        }, ct);
        if (!registered.Succeeded || call.AttachTo is not { } master)
        {
            return new Outcome(registered, null);
        }
        var merged = await cases.ActAsync(registered.Case!.Id, CaseAction.Merge.Slug(), new CaseActionRequest(MasterCaseId: master), operatorActor, ct);
        return merged.Succeeded ? new Outcome(registered with { Case = merged.Case }, null) : new Outcome(registered, merged.Refused);
    }

    /// <summary>The latest hotline calls, callers' phones masked.</summary>
    public async Task<IReadOnlyList<HotlineCallView>> RecentAsync(int take = 30, CancellationToken ct = default)
    {
        var hotline = new[] { CaseSource.Hotline12319, CaseSource.Hotline12345 };
        var rows = await db.CitizenReports.AsNoTracking()
            .Join(db.Cases.AsNoTracking(), r => r.CaseId, c => c.Id, (r, c) => new { r, c })
            .Where(x => hotline.Contains(x.c.Source))
            .OrderByDescending(x => x.r.ReportedAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
        var masterIds = rows.Where(x => x.c.MasterCaseId != null).Select(x => x.c.MasterCaseId!.Value).ToList();
        var masters = await db.Cases.AsNoTracking().Where(c => masterIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        return rows.Select(x => new HotlineCallView(x.c.Id, x.c.Number, x.c.Source.Slug(), x.c.State.Slug(), x.r.Nature, x.c.CategoryCode,
            PhoneMask.Mask(x.r.Phone), x.r.ReportedAt, x.c.MasterCaseId is { } m ? masters.GetValueOrDefault(m) : null)).ToList();
    }
}
