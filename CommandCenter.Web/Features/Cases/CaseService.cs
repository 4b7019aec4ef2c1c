using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Data.Duty;
using CommandCenter.Web.Data.Streets;
using CommandCenter.Web.Live;
using CommandCenter.Web.Problems;
using CommandCenter.Web.Rules;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Features.Cases;

/// <summary>
/// Registers cases and moves them through <see cref="CaseWorkflow"/>. The state change and its audit line are written
/// in one transaction, guarded by the case version (one case's writers exclude each other, other cases' don't);
/// screens hear of it from the <see cref="ChangeFollower"/> once it is committed, on every instance alike.
/// </summary>
public sealed class CaseService(CommandCenterDb db, CityGeography city, CaseRulesProvider rulesProvider, CityClock clock, ChangeFollower follower,
    Enforcement.CaseIntakeChecks intake, CaseInsertQueue inserts)
{
    public const int MaxPhotos = 20;
    private static readonly GeometryFactory Geo = new(new PrecisionModel(), CommandCenterDb.Srid);

    /// <summary>
    /// 上报/登记: a new case in 待受理, routed by its location, with likely duplicates offered. <paramref name="alongside"/>
    /// may add rows of the caller's (e.g. the citizen's contact) to be saved in the same transaction as the case.
    /// </summary>
    public async Task<CaseCommandResult> CreateAsync(NewCaseRequest request, Actor actor, CancellationToken ct = default, Action<Case>? alongside = null)
    {
        if (!CaseWorkflow.MayReport(actor))
        {
            return CaseCommandResult.Fail(Refusal.Forbidden("MayNotReport"));
        }
        var rules = await rulesProvider.CurrentAsync(ct);
        var errors = TextInput.Collect(
            TextInput.Check("category", request.Category, 8), TextInput.Check("source", request.Source, 16),
            TextInput.Check("description", request.Description, 2000, required: true),
            TextInput.Check("address", request.Address, 200),
            TextInput.Check("reporter", request.Reporter, 100));
        if (request.Lon is not { } lon || !double.IsFinite(lon) || lon is < -180 or > 180)
        {
            errors.Add(new FieldError("lon", "LonInvalid"));
        }
        if (request.Lat is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90)
        {
            errors.Add(new FieldError("lat", "LatInvalid"));
        }
        if (string.IsNullOrWhiteSpace(request.Category) || !rules.Categories.ContainsKey(request.Category))
        {
            errors.Add(new FieldError("category", "CategoryUnknown", request.Category));
        }
        var source = CaseWorkflow.DefaultSource(actor);
        if (request.Source is { Length: > 0 } && !CaseSources.TryParse(request.Source, out source))
        {
            errors.Add(new FieldError("source", "SourceUnknown", string.Join(", ", Enum.GetValues<CaseSource>().Select(s => s.Slug()))));
        }
        var photos = request.PhotoIds ?? [];
        if (photos.Length > MaxPhotos)
        {
            errors.Add(new FieldError("photoIds", "TooManyPhotos", MaxPhotos));
        }
        if (errors.Count == 0 && await MissingPhotoAsync(photos, ct) is { } missing)
        {
            errors.Add(new FieldError("photoIds", "PhotoMissing", missing));
        }
        var (party, partyErrors) = await intake.ReadPartyAsync(request.VendorId, request.MerchantId, request.Party, ct);
        errors.AddRange(partyErrors);
        if (errors.Count > 0)
        {
            return CaseCommandResult.Fail(Refusal.BadRequest([.. errors]));
        }

        var point = Geo.CreatePoint(new Coordinate(request.Lon!.Value, request.Lat!.Value));
        var now = clock.UtcNow;
        if (city.Index.Lookup(point, clock.ToLocal(now)) is not { } place)
        {
            return CaseCommandResult.Fail(Refusal.Field("lon", "OutsideCity"));
        }
        var category = rules.Categories[request.Category!];
        // 街巷长制: the case is linked to the street's chief in charge now; 马路局长: to the patrol the reporter is on.
        var chief = place.Street is { } onStreet ? city.Chiefs.ChiefAt(onStreet.Street.Id, clock.ToLocal(now)) : null;
        // Only those who may patrol can be on one: everyone else's reports skip the look-up.
        var patrolId = Duty.PatrolService.MayPatrol(actor) ? await db.RunningPatrolOfAsync(actor.UserName, ct) : null;
        if (patrolId is not null)
        {
            source = CaseSource.RoadDirector;
        }
        var c = new Case
        {
            Id = Guid.NewGuid(), Number = "", State = CaseState.Draft, CategoryCode = category.Code, Source = source,
            Description = request.Description!.Trim(),
            Address = request.Address?.Trim() is { Length: > 0 } a ? a : place.Street?.Street.Name ?? place.Community?.Name.Replace("社区居委会", "社区", StringComparison.Ordinal),
            Reporter = request.Reporter?.Trim() is { Length: > 0 } r ? r : actor.DisplayName, Location = point,
            GridCode = place.Grid.Code, DutyGridCode = place.Grid.DutyGridCode, CommunityCode = place.Grid.CommunityCode,
            SubdistrictCode = place.Grid.SubdistrictCode, StreetName = place.Street?.Street.Name, StreetChief = chief?.PersonName ?? place.Street?.Street.ChiefName,
            DepartmentCode = category.DepartmentCode, ReportedAt = now, UpdatedAt = now,
            StreetId = place.Street?.Street.Id, StreetChiefPersonId = chief?.PersonId, PatrolId = patrolId,
        };
        var caseRules = rules.For(c.CategoryCode);
        var (done, refused) = CaseWorkflow.Report(c, actor, new CaseActionInput { Note = c.Description, PhotoIds = photos }, caseRules, now);
        if (refused is not null)
        {
            return CaseCommandResult.Fail(ToRefusal(refused, place.Grid.DutyGridCode));
        }
        // Zone rules at the hour, 首违免罚 and bike fences: they may route the case and raise its priority before it is saved.
        var found = await intake.AssessAsync(c, party, rules.Clock, ct);

        // The case, its first audit line and its number, written with the other reports waiting at the moment (see
        // CaseInsertQueue); the duplicate search rides in the same transaction, just before the insert.
        var evt = CaseEventRows.From(c, done!, fromState: null, previousDepartment: null, rules);
        var day = DateOnly.FromDateTime(clock.ToLocal(now));
        var window = rules.Settings.DuplicateWindow;
        var since = c.ReportedAt - window;
        IReadOnlyList<Case> candidates;
        // The intake checks add rows to the unit of work only when they find something: without findings nothing is
        // pending, and the report goes to the queue without starting up the context (its services and change tracker
        // were ~15 % of the app's CPU per report).
        if (alongside is null && found is null)
        {
            candidates = await inserts.InsertAsync(() => db.Model, c, evt, day, intake: null, since, ct);
        }
        else if (alongside is null && OnlyIntakeRow() is { } intakeRow)
        {
            // A vending or bike report's zone/leniency row goes in the same statement as the case.
            candidates = await inserts.InsertAsync(() => db.Model, c, evt, day, intakeRow, since, ct);
            db.Entry(intakeRow).State = EntityState.Unchanged;
        }
        else
        {
            // Rows written alongside (a citizen report's contact, offence records) share the case's transaction, so a
            // case never exists without them.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            candidates = await CaseInsert.InsertInTransactionAsync(db, c, evt, day, ct, since);
            alongside?.Invoke(c);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        follower.Poke();
        var duplicates = Hints(DuplicateFinder.Find(c.CategoryCode, c.Location, c.ReportedAt, window, candidates));
        return new CaseCommandResult(c, evt, null, duplicates) { Intake = found };
    }

    /// <summary>The intake checks' row when it is the only pending change (no offence record, nothing else).</summary>
    private Data.Enforcement.CaseIntakeRow? OnlyIntakeRow()
    {
        var pending = db.ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged && e.State != EntityState.Detached).Take(2).ToList();
        return pending is [{ State: EntityState.Added, Entity: Data.Enforcement.CaseIntakeRow row }] ? row : null;
    }

    /// <summary>Takes one workflow action; refusals come back as 400/403/404/409 with the actions possible now.</summary>
    public async Task<CaseCommandResult> ActAsync(Guid id, string actionSlug, CaseActionRequest request, Actor actor, CancellationToken ct = default)
    {
        if (!CaseActions.TryParse(actionSlug, out var action) || action == CaseAction.Report)
        {
            return CaseCommandResult.Fail(Refusal.NotFound("NoSuchAction", actionSlug, string.Join(", ", CaseActions.AllSlugs.Where(s => s != "report"))));
        }
        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !ReadScope.For(actor).Allows(c))
        {
            return CaseCommandResult.Fail(Refusal.NotFound("NoSuchCase", id));
        }
        if (request.Version is { } expected && expected != c.Version)
        {
            return CaseCommandResult.Fail(Refusal.Conflict("VersionChanged", c.Version, expected));
        }
        var rules = await rulesProvider.CurrentAsync(ct);
        var errors = TextInput.Collect(TextInput.Check("note", request.Note, 2000), TextInput.Check("department", request.Department, 32),
            TextInput.Check("reason", request.Reason, 32), TextInput.Check("resolution", request.Resolution, 16), TextInput.Check("category", request.Category, 8));
        var photos = request.PhotoIds ?? [];
        if (photos.Length > MaxPhotos)
        {
            errors.Add(new FieldError("photoIds", "TooManyPhotos", MaxPhotos));
        }
        else if (errors.Count == 0 && await MissingPhotoAsync(photos, ct) is { } missing)
        {
            errors.Add(new FieldError("photoIds", "PhotoMissing", missing));
        }
        if (errors.Count == 0 && request.Department is { Length: > 0 } department && !await db.Departments.AnyAsync(d => d.Code == department, ct))
        {
            errors.Add(new FieldError("department", "DepartmentUnknown", department));
        }
        if (request.Category is { Length: > 0 } corrected && !rules.Categories.ContainsKey(corrected))
        {
            errors.Add(new FieldError("category", "CategoryUnknown", corrected));
        }
        Resolution721? resolution = null;
        if (request.Resolution is { Length: > 0 } tag)
        {
            if (Resolutions721.TryParse(tag, out var parsed)) resolution = parsed;
            else errors.Add(new FieldError("resolution", "ResolutionRequired", string.Join(", ", Resolutions721.Slugs)));
        }
        if (action == CaseAction.Merge && request.MasterCaseId is { } masterId && masterId != c.Id)
        {
            var master = await db.Cases.AsNoTracking().Where(x => x.Id == masterId).Select(x => new { x.State }).SingleOrDefaultAsync(ct);
            if (master is null || master.State.IsTerminal())
            {
                errors.Add(new FieldError("masterCaseId", "MasterNotOpen"));
            }
        }
        if (errors.Count > 0)
        {
            return CaseCommandResult.Fail(Refusal.BadRequest([.. errors]));
        }

        var now = clock.UtcNow;
        var input = new CaseActionInput
        {
            Note = request.Note, PhotoIds = photos, Department = request.Department, Reason = request.Reason,
            MasterCaseId = request.MasterCaseId, Extension = request.Extension, Resolution = resolution, Category = request.Category,
        };
        return await ApplyAsync(c, action, actor, input, rules, now, ct);
    }

    /// <summary>
    /// Applies an action to a loaded, tracked case and saves it with its audit line; a concurrent change of the same
    /// case makes this a 409 with nothing written. Also the clock's entry point for automatic 催办/督办.
    /// </summary>
    public async Task<CaseCommandResult> ApplyAsync(Case c, CaseAction action, Actor actor, CaseActionInput input,
        CaseRulesProvider.Snapshot rules, DateTimeOffset now, CancellationToken ct = default)
    {
        var from = c.State;
        var previousDepartment = c.DepartmentCode;
        var (done, refused) = CaseWorkflow.Apply(c, action, actor, input, rules.For(c.CategoryCode), now);
        if (refused is not null)
        {
            return CaseCommandResult.Fail(ToRefusal(refused, null));
        }
        var evt = CaseEventRows.From(c, done!, from.Slug(), previousDepartment == c.DepartmentCode ? null : previousDepartment, rules);
        evt.ReminderAt = input.ReminderShare;
        db.CaseEvents.Add(evt);
        try
        {
            // One round trip: the version-checked update and the audit insert, in EF's own transaction.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CaseCommandResult.Fail(Refusal.Conflict("ChangedMeanwhile"));
        }
        follower.Poke();
        return new CaseCommandResult(c, evt, null);
    }

    private static Refusal ToRefusal(CaseRefusal refused, string? dutyGrid)
    {
        var status = refused.Kind switch
        {
            CaseRefusalKind.Forbidden => StatusCodes.Status403Forbidden,
            CaseRefusalKind.InvalidInput => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status409Conflict,
        };
        // A grid member reporting outside their duty grid is told which grid the place belongs to.
        var (code, args) = refused.Code == "OwnDutyGridOnly" && dutyGrid is not null ? ("ReportOutsideDutyGrid", new object?[] { dutyGrid }) : (refused.Code, refused.Args);
        return new Refusal(status, code, args, refused.FieldErrors, refused.AllowedActions);
    }

    /// <summary>Open cases that look like the same problem as one not registered yet (the hotline form's hint before saving).</summary>
    public async Task<IReadOnlyList<DuplicateHint>> LikelyDuplicatesAsync(string categoryCode, double lon, double lat, CancellationToken ct = default)
    {
        var rules = await rulesProvider.CurrentAsync(ct);
        return await LikelyDuplicatesAsync(categoryCode, Geo.CreatePoint(new Coordinate(lon, lat)), clock.UtcNow, rules.Settings.DuplicateWindow, ct);
    }

    /// <summary>回访: the reporter's answer once the case is closed, kept once (false when not closed or already answered).</summary>
    public async Task<bool> RecordSatisfactionAsync(Guid caseId, string answer, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        // Not a workflow step: no version bump, so a desk's open form on the closed case is not disturbed.
        return await db.Cases.Where(c => c.Id == caseId && c.State == CaseState.Closed && c.Satisfaction == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Satisfaction, answer).SetProperty(c => c.SatisfactionAt, now), ct) == 1;
    }

    private async Task<IReadOnlyList<DuplicateHint>> LikelyDuplicatesAsync(string categoryCode, Point location, DateTimeOffset at, TimeSpan window, CancellationToken ct)
    {
        var nearby = await DuplicateCandidates.ReadAsync(db, categoryCode, location, at - window, ct);
        return Hints(DuplicateFinder.Find(categoryCode, location, at, window, nearby));
    }

    private static List<DuplicateHint> Hints(IEnumerable<(Case Case, double DistanceM)> found) =>
        [.. found.Select(d => new DuplicateHint(d.Case.Id, d.Case.Number, d.Case.State.Slug(), Math.Round(d.DistanceM, 1), d.Case.ReportedAt))];

    private async Task<Guid?> MissingPhotoAsync(Guid[] photoIds, CancellationToken ct)
    {
        if (photoIds.Length == 0)
        {
            return null;
        }
        var found = await db.Photos.Where(p => photoIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        return photoIds.Except(found).Select(g => (Guid?)g).FirstOrDefault();
    }
}
