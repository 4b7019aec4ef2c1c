using System.Text.RegularExpressions;
using CommandCenter.Domain.Alerts;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Kiosks;
using CommandCenter.Domain.Validation;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.City;
using CommandCenter.Web.Data.Kiosks;
using CommandCenter.Web.Features.Alerts;
using CommandCenter.Web.Features.Cases;
using CommandCenter.Web.Live;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Kiosks;

/// <summary>
/// 便民服务岗亭 / 城管驿站 for the API, the map drawer and the phone view: edits (services, hours, class, toilet, radius), staff
/// check-in and check-out, stock counts that raise a low-stock alert for the kiosk's staff and its supervising department until
/// restocked, and the service log, where a complaint becomes a case with source 驿站 in one step. Edits are saved with a
/// change-log row (topic kiosk or kiosk-duty) and screens hear of them from the follower.
/// </summary>
public sealed partial class KioskService(CommandCenterDb db, CityGeography city, CityClock clock, ChangeFollower follower, AlertService alerts,
    CaseService cases)
{
    private static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(10);

    public async Task<IReadOnlyList<KioskView>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.Kiosks.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct);
        var staff = await StaffAsync(null, ct);
        return rows.Select(k => ToView(k, staff)).ToList();
    }

    public async Task<KioskView?> GetAsync(string id, CancellationToken ct = default)
    {
        var row = await db.Kiosks.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, ct);
        return row is null ? null : ToView(row, await StaffAsync(id, ct));
    }

    public async Task<IReadOnlyList<KioskLogView>> LogOfAsync(string id, int take = 50, CancellationToken ct = default) =>
        await db.KioskLog.AsNoTracking().Where(l => l.KioskId == id).OrderByDescending(l => l.At).Take(take)
            .Select(l => new KioskLogView(l.Id, l.Kind, l.Note, l.Actor, l.At, l.CaseId, l.CaseNumber)).ToListAsync(ct);

    /// <summary>Edits what the kiosk offers and when (admins); the refusal, or the kiosk as saved.</summary>
    public async Task<(KioskView? Kiosk, Refusal? Refused)> UpdateAsync(string id, KioskInput input, Actor actor, CancellationToken ct = default)
    {
        if (!actor.Has(Role.Admin))
        {
            return (null, Refusal.Forbidden("OnlyRoles", "edit", new[] { Role.Admin }));
        }
        var row = await db.Kiosks.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (row is null)
        {
            return (null, Refusal.NotFound("NoSuchKiosk", id));
        }
        if (input.Version is { } expected && expected != row.Version)
        {
            return (null, Refusal.Conflict("VersionChanged", row.Version, expected));
        }
        var errors = TextInput.Collect(TextInput.Check("name", input.Name, 100), TextInput.Check("phone", input.Phone, 20), TextInput.Check("hours", input.Hours, 200));
        errors.AddRange(KioskRules.Validate(input.RadiusM, input.Hours, input.Is24h));
        var services = (input.Services ?? []).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        errors.AddRange(services.Where(s => !KioskCatalogue.Services.Contains(s))
            .Select(s => new FieldError("services", "KioskServiceUnknown", s, string.Join(", ", KioskCatalogue.Services))));
        if (input.KioskClass is not null and not (1 or 2 or 3))
        {
            errors.Add(new FieldError("kioskClass", "OutOfRange", 1, 3));
        }
        var department = string.IsNullOrWhiteSpace(input.Department) ? row.DepartmentCode : input.Department.Trim();
        if (!await db.Departments.AnyAsync(d => d.Code == department, ct))
        {
            errors.Add(new FieldError("department", "DepartmentUnknown", department));
        }
        if (errors.Count > 0)
        {
            return (null, Refusal.BadRequest([.. errors]));
        }
        var before = Audit(row);
        if (!string.IsNullOrWhiteSpace(input.Name))
        {
            row.Name = input.Name.Trim();
        }
        row.Services = services;
        row.Is24h = input.Is24h || KioskRules.IsAroundTheClock(input.Hours);
        row.Hours = row.Is24h ? KioskRules.AroundTheClock : input.Hours!.Trim();
        row.KioskClass = input.KioskClass;
        row.HasToilet = input.HasToilet;
        row.RadiusM = input.RadiusM;
        row.DepartmentCode = department;
        row.Phone = string.IsNullOrWhiteSpace(input.Phone) ? row.Phone : input.Phone.Trim();
        row.Version++;
        var change = db.Record(ChangeTopics.Kiosk, id, "updated", actor.UserName, clock.UtcNow, before, Audit(row));
        if (await CommitAsync(change, ct) is { } conflict)
        {
            return (null, conflict);
        }
        return (await GetAsync(id, ct), null);
    }

    /// <summary>
    /// Records a stock count (and optionally a new threshold; a new item needs one). At or below the threshold a low-stock alert
    /// goes to the kiosk's staff and its supervising department and stays until a count above it clears it everywhere.
    /// </summary>
    public async Task<(SupplyView? Supply, Refusal? Refused)> SetStockAsync(string id, string item, SupplyInput input, Actor actor, CancellationToken ct = default)
    {
        var row = await db.Kiosks.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (row is null)
        {
            return (null, Refusal.NotFound("NoSuchKiosk", id));
        }
        if (!await MayServeAsync(row, actor, ct))
        {
            return (null, Refusal.Forbidden("KioskStaffOnly", row.Name));
        }
        var existing = row.Supplies.FirstOrDefault(s => s.Item == item);
        var errors = new List<FieldError>();
        if (input.Stock is not >= 0)
        {
            errors.Add(new FieldError("stock", "ValueTooSmall", 0));
        }
        if (input.Threshold is < 0)
        {
            errors.Add(new FieldError("threshold", "ValueTooSmall", 0));
        }
        if (existing is null && !ItemPattern().IsMatch(item))
        {
            errors.Add(new FieldError("item", "SupplyItemFormat", item));
        }
        if (existing is null && input.Threshold is null)
        {
            errors.Add(new FieldError("threshold", "Required"));
        }
        if (errors.Count > 0)
        {
            return (null, Refusal.BadRequest([.. errors]));
        }
        var supply = new KioskSupply(item, input.Stock!.Value, input.Threshold ?? existing!.Threshold);
        var before = existing;
        row.Supplies = existing is null ? [.. row.Supplies, supply] : row.Supplies.Select(s => s.Item == item ? supply : s).ToList();
        row.Version++;
        var change = db.Record(ChangeTopics.Kiosk, id, "stock", actor.UserName, clock.UtcNow, before, supply);
        if (await CommitAsync(change, ct) is { } conflict)
        {
            return (null, conflict);
        }
        if (supply.IsLow)
        {
            foreach (var recipient in new[] { AlertAudience.Kiosk(id), AlertAudience.Department(row.DepartmentCode) })
            {
                await alerts.RaiseAsync(new NewAlert("low-stock", recipient, KioskCatalogue.LowStockKey(id, item, recipient), "LowStock",
                    row.Name, item, supply.Stock.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    supply.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)) { KioskId = id, Item = item }, ct);
            }
        }
        else
        {
            await alerts.ClearAsync(KioskCatalogue.LowStockKey(id, item), actor.UserName, ct);
        }
        return (new SupplyView(supply.Item, supply.Stock, supply.Threshold, supply.IsLow), null);
    }

    /// <summary>Checks the person in at the kiosk (out of any other first); from then on the kiosk's staff alerts reach them.</summary>
    public async Task<Refusal?> CheckInAsync(string id, Actor actor, CancellationToken ct = default)
    {
        if (!(actor.Has(Role.GridMember) || actor.Has(Role.Handler)))
        {
            return Refusal.Forbidden("OnlyRoles", "check-in", new[] { Role.GridMember, Role.Handler });
        }
        if (!await db.Kiosks.AnyAsync(k => k.Id == id, ct))
        {
            return Refusal.NotFound("NoSuchKiosk", id);
        }
        var now = clock.UtcNow;
        var open = await db.KioskDuties.Where(d => d.UserName == actor.UserName && d.CheckedOutAt == null).ToListAsync(ct);
        if (open.Any(d => d.KioskId == id))
        {
            return null;
        }
        foreach (var duty in open)
        {
            duty.CheckedOutAt = now;
            db.Record(ChangeTopics.KioskDuty, duty.KioskId, "check-out", actor.UserName, now, new { user = actor.UserName });
        }
        db.KioskDuties.Add(new KioskDutyRow { Id = Guid.NewGuid(), KioskId = id, UserName = actor.UserName, DisplayName = actor.DisplayName, CheckedInAt = now });
        db.Record(ChangeTopics.KioskDuty, id, "check-in", actor.UserName, now, after: new { user = actor.UserName });
        await db.SaveChangesAsync(ct);
        follower.Poke();
        return null;
    }

    /// <summary>Checks the person out wherever they are on duty; false when they were not.</summary>
    public async Task<bool> CheckOutAsync(Actor actor, CancellationToken ct = default)
    {
        var open = await db.KioskDuties.Where(d => d.UserName == actor.UserName && d.CheckedOutAt == null).ToListAsync(ct);
        var now = clock.UtcNow;
        foreach (var duty in open)
        {
            duty.CheckedOutAt = now;
            db.Record(ChangeTopics.KioskDuty, duty.KioskId, "check-out", actor.UserName, now, new { user = actor.UserName });
        }
        if (open.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            follower.Poke();
        }
        return open.Count > 0;
    }

    /// <summary>
    /// Logs a service given at the kiosk. A complaint with <see cref="KioskLogInput.CreateCase"/> is registered as a case with source
    /// 驿站 (kiosk) at once, in the kiosk's name, and the log line points at it.
    /// </summary>
    public async Task<(KioskLogResult? Result, Refusal? Refused)> LogAsync(string id, KioskLogInput input, Actor actor, CancellationToken ct = default)
    {
        var kiosk = await db.Kiosks.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, ct);
        if (kiosk is null)
        {
            return (null, Refusal.NotFound("NoSuchKiosk", id));
        }
        if (!await MayServeAsync(kiosk, actor, ct))
        {
            return (null, Refusal.Forbidden("KioskStaffOnly", kiosk.Name));
        }
        var errors = TextInput.Collect(TextInput.Check("note", input.Note, 500, required: input.CreateCase));
        if (input.Kind is null || !KioskCatalogue.LogKinds.Contains(input.Kind))
        {
            errors.Add(new FieldError("kind", "KioskLogKindUnknown", input.Kind, string.Join(", ", KioskCatalogue.LogKinds)));
        }
        else if (input.CreateCase && input.Kind != "complaint")
        {
            errors.Add(new FieldError("createCase", "OnlyComplaintsBecomeCases"));
        }
        if (errors.Count > 0)
        {
            return (null, Refusal.BadRequest([.. errors]));
        }
        Case? created = null;
        if (input.CreateCase)
        {
            // The kiosk registers the complaint as machine intake does: in its own name, without the collectors' photo rule.
            var intake = new Actor(actor.UserName, actor.DisplayName, new HashSet<Role> { Role.System }, PersonId: actor.PersonId);
            var result = await cases.CreateAsync(new NewCaseRequest(input.Lon ?? kiosk.Geom.X, input.Lat ?? kiosk.Geom.Y,
                input.Category ?? KioskCatalogue.ComplaintCategory, input.Note, CaseSource.Kiosk.Slug(), Reporter: kiosk.Name), intake, ct);
            if (!result.Succeeded)
            {
                return (null, result.Refused);
            }
            created = result.Case;
        }
        var row = new KioskLogRow
        {
            Id = Guid.NewGuid(), KioskId = id, Kind = input.Kind!, Note = input.Note?.Trim(), Actor = actor.UserName, At = clock.UtcNow,
            CaseId = created?.Id, CaseNumber = created?.Number,
        };
        db.KioskLog.Add(row);
        await db.SaveChangesAsync(ct);
        var entry = new KioskLogView(row.Id, row.Kind, row.Note, row.Actor, row.At, row.CaseId, row.CaseNumber);
        return (new KioskLogResult(entry, created?.Id, created?.Number), null);
    }

    /// <summary>The unit grids outside every open kiosk's radius at that instant.</summary>
    public CoverageView Coverage(DateTimeOffset at)
    {
        var local = clock.ToLocal(at);
        var map = city.Index.City;
        var uncovered = KioskCoverage.GridsOutside(map.UnitGrids, map.Kiosks, local);
        return new CoverageView(at, local.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), map.UnitGrids.Count,
            map.Kiosks.Count(k => k.IsOpenAt(local)), uncovered);
    }

    /// <summary>The kiosk's staff on duty, its supervising department's handlers and admins may count stock and log services.</summary>
    private async Task<bool> MayServeAsync(KioskRow kiosk, Actor actor, CancellationToken ct) =>
        actor.Has(Role.Admin)
        || (actor.Has(Role.Handler) && actor.DepartmentCode == kiosk.DepartmentCode)
        || (await db.WithKioskDutyAsync(actor, ct)).KioskId == kiosk.Id;

    private async Task<Dictionary<string, List<StaffView>>> StaffAsync(string? kioskId, CancellationToken ct) =>
        (await db.KioskDuties.AsNoTracking().Where(d => d.CheckedOutAt == null && (kioskId == null || d.KioskId == kioskId)).OrderBy(d => d.CheckedInAt).ToListAsync(ct))
            .GroupBy(d => d.KioskId).ToDictionary(g => g.Key, g => g.Select(d => new StaffView(d.UserName, d.DisplayName, d.CheckedInAt)).ToList());

    private KioskView ToView(KioskRow k, IReadOnlyDictionary<string, List<StaffView>> staff) => new(
        k.Id, k.Name, k.Kind, k.ClassOrDefault, k.Services, k.Hours, k.Is24h, k.HasToilet, k.RadiusM, k.DepartmentCode, k.Phone, k.Geom.X, k.Geom.Y,
        CityGeography.ToDomain(k).IsOpenAt(clock.LocalNow), k.Supplies.Select(s => new SupplyView(s.Item, s.Stock, s.Threshold, s.IsLow)).ToList(),
        staff.TryGetValue(k.Id, out var people) ? people : [], k.Version);

    private static object Audit(KioskRow k) => new
    {
        name = k.Name, services = k.Services, hours = k.Hours, is24h = k.Is24h, kioskClass = k.KioskClass, hasToilet = k.HasToilet,
        radiusM = k.RadiusM, department = k.DepartmentCode, phone = k.Phone,
    };

    /// <summary>Saves with the change row and waits until this instance's city has reloaded; a conflict when someone saved meanwhile.</summary>
    private async Task<Refusal?> CommitAsync(ChangeRow change, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict("ChangedMeanwhile");
        }
        follower.Poke();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReloadWait);
        await follower.WaitForChangeAsync(change.Seq, timeout.Token);
        return null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,31}$")]
    private static partial Regex ItemPattern();
}
