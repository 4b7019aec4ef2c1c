using System.Globalization;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Web.Data;
using CommandCenter.Web.Features.Live;
using CommandCenter.Web.Features.Map;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Features.Cases;

/// <summary>
/// Registers cases and moves them through <see cref="CaseWorkflow"/>: the state change and its audit line are
/// written in one transaction, guarded by the case version, and pushed live once committed.
/// </summary>
public sealed class CaseService(
    CommandCenterDb db, CityGeography city, CaseRulesProvider rulesProvider, CityClock clock, CaseWriteGate gate, LiveCaseFeed feed)
{
    private static readonly GeometryFactory Geo = new(new PrecisionModel(), CommandCenterDb.Srid);
    private static readonly Role[] Reporters = [Role.GridMember, Role.Intake, Role.ShiftLead, Role.RoadDirector, Role.Leader];

    /// <summary>上报/登记: a new case in 待受理, routed by its location, with likely duplicates offered.</summary>
    public async Task<CaseCommandResult> CreateAsync(NewCaseRequest request, Actor actor, CancellationToken ct = default)
    {
        if (!Reporters.Any(actor.Has))
        {
            return CaseCommandResult.Fail(StatusCodes.Status403Forbidden, "您的角色不能上报案件 / your role cannot report cases");
        }
        var rules = await rulesProvider.CurrentAsync(ct);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.Lon is not { } lon || !double.IsFinite(lon) || lon is < -180 or > 180)
        {
            errors["lon"] = "经度缺失或无效 / lon is missing or not a longitude";
        }
        if (request.Lat is not { } lat || !double.IsFinite(lat) || lat is < -90 or > 90)
        {
            errors["lat"] = "纬度缺失或无效 / lat is missing or not a latitude";
        }
        if (string.IsNullOrWhiteSpace(request.Category) || !rules.Categories.ContainsKey(request.Category))
        {
            errors["category"] = $"未知的案件类别 '{request.Category}' / unknown category code; see GET /api/categories";
        }
        if (string.IsNullOrWhiteSpace(request.Description))
        {
            errors["description"] = "请描述问题 / a description is required";
        }
        else if (request.Description.Length > 2000)
        {
            errors["description"] = "描述不超过 2000 字 / the description is limited to 2000 characters";
        }
        var source = DefaultSource(actor);
        if (request.Source is { Length: > 0 } && !CaseSources.TryParse(request.Source, out source))
        {
            errors["source"] = $"未知来源 '{request.Source}' / source must be one of: {string.Join(", ", Enum.GetValues<CaseSource>().Select(s => s.Slug()))}";
        }
        var photos = request.PhotoIds ?? [];
        // Field collectors report with at least one photo (domain.md §4.3 #3); desk staff register calls without one.
        if (IsFieldCollector(actor) && photos.Length == 0)
        {
            errors["photoIds"] = "巡查上报须附至少一张现场照片 / a field report needs at least one photo";
        }
        if (errors.Count == 0 && await MissingPhotoAsync(photos, ct) is { } missing)
        {
            errors["photoIds"] = $"照片 {missing} 不存在, 请先上传 / photo {missing} does not exist; upload it first";
        }
        if (errors.Count > 0)
        {
            return CaseCommandResult.Fail(StatusCodes.Status400BadRequest, string.Join("; ", errors.Values), errors);
        }

        var point = Geo.CreatePoint(new Coordinate(request.Lon!.Value, request.Lat!.Value));
        var now = clock.UtcNow;
        var place = city.Index.Lookup(point, clock.ToLocal(now));
        if (place is null)
        {
            return CaseCommandResult.Invalid("lon", "该位置不在任何单元网格内 / the location lies outside the city's unit grids");
        }
        if (actor.Has(Role.GridMember) && IsFieldCollector(actor) && actor.DutyGridCode != place.Grid.DutyGridCode)
        {
            return CaseCommandResult.Fail(StatusCodes.Status403Forbidden,
                $"该位置属于责任网格 {place.Grid.DutyGridCode}, 不在您的责任网格内 / grid members report only inside their own duty grid");
        }
        var category = rules.Categories[request.Category!];
        var duplicates = await LikelyDuplicatesAsync(category.Code, point, now, ct);

        var c = new Case
        {
            Id = Guid.NewGuid(), Number = "", State = CaseState.Reported, CategoryCode = category.Code, Source = source,
            Description = request.Description!.Trim(), Address = request.Address?.Trim() is { Length: > 0 } a ? a : place.Street?.Street.Name ?? place.Community?.Name.Replace("社区居委会", "社区", StringComparison.Ordinal),
            Reporter = request.Reporter?.Trim() is { Length: > 0 } r ? r : actor.DisplayName, Location = point,
            GridCode = place.Grid.Code, DutyGridCode = place.Grid.DutyGridCode, CommunityCode = place.Grid.CommunityCode,
            SubdistrictCode = place.Grid.SubdistrictCode, StreetName = place.Street?.Street.Name, StreetChief = place.Street?.Street.ChiefName,
            DepartmentCode = category.DepartmentCode, ReportedAt = now, UpdatedAt = now,
        };
        CaseWorkflow.StartIntakeClock(c, rules.For(c.CategoryCode), now);
        var transition = new CaseTransition(CaseAction.Report, CaseState.Draft, CaseState.Reported, actor.UserName,
            actor.Roles.First(Reporters.Contains), now, request.Description.Trim(), photos, c.DepartmentCode, c.StepDeadline, null);

        using (await gate.EnterAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await LockAsync(ct);
            c.Number = await NextNumberAsync(now, ct);
            db.Cases.Add(c);
            var evt = EventRow(c, transition, fromState: null, rules);
            db.CaseEvents.Add(evt);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            feed.Publish(CaseChangedMessage.From(evt));
            return new CaseCommandResult(c, evt, StatusCodes.Status201Created, Duplicates: duplicates);
        }
    }

    /// <summary>Takes one workflow action; refusals come back as 400/403/404/409 with the actions possible now.</summary>
    public async Task<CaseCommandResult> ActAsync(Guid id, string actionSlug, CaseActionRequest request, Actor actor, CancellationToken ct = default)
    {
        if (!CaseActions.TryParse(actionSlug, out var action))
        {
            return CaseCommandResult.Fail(StatusCodes.Status404NotFound,
                $"没有名为 '{actionSlug}' 的操作 / no action '{actionSlug}'; actions are: {string.Join(", ", CaseActions.AllSlugs)}");
        }
        var c = await db.Cases.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return CaseCommandResult.Fail(StatusCodes.Status404NotFound, $"案件 {id} 不存在 / no case {id}");
        }
        if (request.Version is { } expected && expected != c.Version)
        {
            return CaseCommandResult.Fail(StatusCodes.Status409Conflict,
                $"案件已被他人修改 (版本 {c.Version}, 您看到的是 {expected}), 请刷新后重试 / the case changed since you loaded it; reload and try again");
        }
        var photos = request.PhotoIds ?? [];
        if (await MissingPhotoAsync(photos, ct) is { } missing)
        {
            return CaseCommandResult.Invalid("photoIds", $"照片 {missing} 不存在, 请先上传 / photo {missing} does not exist; upload it first");
        }
        if (request.Department is { Length: > 0 } department && !await db.Departments.AnyAsync(d => d.Code == department, ct))
        {
            return CaseCommandResult.Invalid("department", $"部门 '{department}' 不存在 / no department '{department}'; see GET /api/departments");
        }
        if (action == CaseAction.Merge && request.MasterCaseId is { } masterId && masterId != c.Id)
        {
            var master = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == masterId, ct);
            if (master is null || master.State.IsTerminal())
            {
                return CaseCommandResult.Invalid("masterCaseId", "原案件不存在或已办结 / the original case does not exist or is no longer open");
            }
        }
        if (request.Resolution is { Length: > 0 } resolution && resolution is not ("service" or "management" or "enforcement"))
        {
            return CaseCommandResult.Invalid("resolution", "721 分类应为 service、management 或 enforcement / resolution must be service, management or enforcement");
        }

        var rules = await rulesProvider.CurrentAsync(ct);
        var now = clock.UtcNow;
        var input = new CaseActionInput
        {
            Note = request.Note, PhotoIds = photos, Department = request.Department, Reason = request.Reason,
            MasterCaseId = request.MasterCaseId, Extension = request.Extension, Resolution = request.Resolution,
        };
        var from = c.State;
        var (done, refused) = CaseWorkflow.Apply(c, action, actor, input, rules.For(c.CategoryCode), now);
        if (refused is not null)
        {
            var status = refused.Kind switch
            {
                CaseRefusalKind.Forbidden => StatusCodes.Status403Forbidden,
                CaseRefusalKind.InvalidInput => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status409Conflict,
            };
            return CaseCommandResult.Fail(status, refused.Message, refused.FieldErrors, refused.AllowedActions);
        }

        using (await gate.EnterAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await LockAsync(ct);
            var evt = EventRow(c, done!, from.Slug(), rules);
            db.CaseEvents.Add(evt);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return CaseCommandResult.Fail(StatusCodes.Status409Conflict,
                    "案件刚被他人修改, 本次操作未保存, 请刷新后重试 / someone else changed the case at the same moment; nothing was saved, reload and try again");
            }
            await tx.CommitAsync(ct);
            feed.Publish(CaseChangedMessage.From(evt));
            return new CaseCommandResult(c, evt, StatusCodes.Status200OK);
        }
    }

    private async Task<IReadOnlyList<DuplicateHint>> LikelyDuplicatesAsync(string category, Point point, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - DuplicateFinder.Window;
        // PostGIS narrows the search with its index; the domain rule decides.
        var nearby = await db.Cases.AsNoTracking()
            .Where(x => x.CategoryCode == category && x.ReportedAt >= since && x.Location.IsWithinDistance(point, 0.001))
            .ToListAsync(ct);
        return DuplicateFinder.Find(category, point, now, nearby)
            .Select(d => new DuplicateHint(d.Case.Id, d.Case.Number, d.Case.State.Slug(), Math.Round(d.DistanceM, 1), d.Case.ReportedAt))
            .ToList();
    }

    private async Task<Guid?> MissingPhotoAsync(Guid[] photoIds, CancellationToken ct)
    {
        if (photoIds.Length == 0)
        {
            return null;
        }
        var found = await db.Photos.Where(p => photoIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        return photoIds.Except(found).Select(g => (Guid?)g).FirstOrDefault();
    }

    private Task LockAsync(CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({CaseWriteGate.AdvisoryLockKey})", ct);

    /// <summary>案件编号: the local date and a four-digit sequence of that day, e.g. 202611260007.</summary>
    private async Task<string> NextNumberAsync(DateTimeOffset now, CancellationToken ct)
    {
        var prefix = clock.ToLocal(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        // Longest first: past 9999 a day the sequence simply grows a digit.
        var last = await db.Cases.Where(x => x.Number.StartsWith(prefix))
            .OrderByDescending(x => x.Number.Length).ThenByDescending(x => x.Number).Select(x => x.Number).FirstOrDefaultAsync(ct);
        var next = last is null ? 1 : int.Parse(last[8..], CultureInfo.InvariantCulture) + 1;
        return prefix + next.ToString("D4", CultureInfo.InvariantCulture);
    }

    private CaseEventRow EventRow(Case c, CaseTransition t, string? fromState, CaseRulesProvider.Snapshot rules) => new()
    {
        CaseId = c.Id, CaseNumber = c.Number, Action = t.Action.Slug(), FromState = fromState, ToState = t.To.Slug(),
        Actor = t.Actor, ActorRole = t.Role.Slug(), At = t.At, Note = t.Note, PhotoIds = [.. t.PhotoIds], Department = c.DepartmentCode,
        Deadline = c.StepDeadline, OnTime = t.OnTime, Overdue = c.ReadClock(rules.Clock, t.At)?.IsOverdue ?? false,
        CategoryCode = c.CategoryCode, GridCode = c.GridCode, Lon = c.Location.X, Lat = c.Location.Y,
        Source = c.Source.Slug(), Street = c.StreetName ?? c.Address, ReportedAt = c.ReportedAt,
        Level = c.ReadClock(rules.Clock, t.At)?.Level.ToString().ToLowerInvariant(),
    };

    /// <summary>Someone reporting from the street (grid member, road director), not from a desk.</summary>
    private static bool IsFieldCollector(Actor actor) =>
        (actor.Has(Role.GridMember) || actor.Has(Role.RoadDirector)) && !actor.Has(Role.Intake) && !actor.Has(Role.ShiftLead);

    private static CaseSource DefaultSource(Actor actor) =>
        actor.Has(Role.GridMember) ? CaseSource.Patrol
        : actor.Has(Role.RoadDirector) ? CaseSource.RoadDirector
        : actor.Has(Role.Leader) ? CaseSource.Leader
        : CaseSource.Hotline;
}
