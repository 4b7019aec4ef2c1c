using System.Text.Json;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Clocks;
using CommandCenter.Domain.Enforcement;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Validation;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Cases;
using CommandCenter.Web.Data.Enforcement;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Enforcement;

/// <summary>
/// The intake checks <c>CaseService.CreateAsync</c> runs on a new case before it is saved: the zone rules at the hour for the
/// street-vending family (<see cref="ZoneCheck"/>: permitted → routed to management, banned → priority raised), 首违免罚 from the
/// party's offence history (<see cref="LeniencyDecision"/>, the offence recorded), and the nearest fence for a 0506 bike case.
/// The findings and the offence join the case's unit of work, so they commit with it or not at all.
/// </summary>
public sealed class CaseIntakeChecks(CommandCenterDb db, CityGeography city, CityClock clock, LeniencySettings leniency)
{
    /// <summary>
    /// Where a stall trading inside its open zone is routed: the 市容 (city appearance) department that runs the markets, not
    /// 城管执法 (domain.md §3.3: permitted trading is managed, not enforced).
    /// </summary>
    public const string ManagementDepartment = "sanitation";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The party the report names (one of a registered vendor, a merchant, or a plate/description), or the refused fields.</summary>
    public async Task<(PartyKey? Party, IReadOnlyList<FieldError> Errors)> ReadPartyAsync(string? vendorId, string? merchantId, string? party,
        CancellationToken ct = default)
    {
        var given = new[] { vendorId, merchantId, party }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given == 0)
        {
            return (null, []);
        }
        if (given > 1)
        {
            return (null, [new FieldError("party", "PartyAmbiguous")]);
        }
        if (!string.IsNullOrWhiteSpace(vendorId))
        {
            var id = vendorId.Trim();
            return await db.Vendors.AnyAsync(v => v.Id == id, ct) ? (PartyKey.Vendor(id), []) : (null, [new FieldError("vendorId", "NoSuchVendor", id)]);
        }
        if (!string.IsNullOrWhiteSpace(merchantId))
        {
            var id = merchantId.Trim();
            return await db.Merchants.AnyAsync(m => m.Id == id, ct) ? (PartyKey.Merchant(id), []) : (null, [new FieldError("merchantId", "NoSuchMerchant", id)]);
        }
        if (TextInput.Check("party", party, 100) is { } bad)
        {
            return (null, [bad]);
        }
        var key = PartyKey.Unregistered(party!);
        return key.Value.Length == 0 ? (null, [new FieldError("party", "Required")]) : (key, []);
    }

    /// <summary>
    /// Checks a case about to be registered and sets its zone, verdict, urgency, department and leniency outcome; adds the intake
    /// findings and the party's offence to the unit of work. Null when no check applies to the category.
    /// </summary>
    public async Task<CaseIntake?> AssessAsync(Case c, PartyKey? party, SlaClock slaClock, CancellationToken ct = default)
    {
        var vending = VendingCategories.IsVending(c.CategoryCode);
        var bike = BikeParkingCategories.Includes(c.CategoryCode);
        // Most reports are neither vending, bikes nor about a named party: they need not read the leniency list at all.
        if (!vending && !bike && party is null)
        {
            return null;
        }
        var catalogue = await leniency.CurrentAsync(ct);
        var listed = catalogue.ItemFor(c.CategoryCode) is not null;
        if (!vending && !bike && !listed)
        {
            return null;
        }
        var local = clock.ToLocal(c.ReportedAt);
        ZoneCheckView? zone = null;
        if (vending)
        {
            var check = city.Index.CheckZone(c.Location, local, slaClock.Calendar.Holidays);
            var verdict = check.Verdict.ToString().ToLowerInvariant();
            c.ZoneId = check.ZoneId;
            c.ZoneVerdict = verdict;
            c.Urgent = check.RaisesPriority;
            if (check.IsManagement && await db.Departments.AnyAsync(d => d.Code == ManagementDepartment, ct))
            {
                c.DepartmentCode = ManagementDepartment;
            }
            zone = new ZoneCheckView(check.ZoneId, check.ZoneName, check.Type is { } t ? VendorZoneTypes.Slug(t) : null, check.OpenNow, verdict,
                check.SchoolName, check.SchoolDistanceM, check.IsManagement ? "management" : "enforcement");
        }
        BikeFenceView? fence = null;
        if (bike && city.Index.NearestBikeFence(c.Location) is { } match)
        {
            c.ZoneId = match.Fence.Id;
            var parked = await db.VendorZones.AsNoTracking().Where(z => z.Id == match.Fence.Id).Select(z => z.Parked).SingleOrDefaultAsync(ct);
            fence = new BikeFenceView(match.Fence.Id, match.Fence.Name, match.Fence.Operator, match.Capacity, parked, Math.Round(match.DistanceM, 1),
                parked is { } p && match.Capacity > 0 ? Math.Round((double)p / match.Capacity, 2) : null);
        }
        LeniencyView? decision = null;
        if (vending || listed)
        {
            decision = await DecideAsync(c, party, zone, catalogue, slaClock, ct);
        }
        db.CaseIntakes.Add(new CaseIntakeRow
        {
            CaseId = c.Id, Party = party?.ToString(),
            ZoneCheck = zone is null ? null : JsonSerializer.Serialize(zone, Json),
            Leniency = decision is null ? null : JsonSerializer.Serialize(decision, Json),
            BikeFence = fence is null ? null : JsonSerializer.Serialize(fence, Json),
        });
        return new CaseIntake(zone, decision, fence);
    }

    /// <summary>The case page's findings and the party's history (see <see cref="HistoryAsync"/>); null when intake found nothing for the case.</summary>
    public async Task<CaseIntakeDetail?> DetailAsync(Guid caseId, ReadScope scope, CancellationToken ct = default)
    {
        var row = await db.CaseIntakes.AsNoTracking().SingleOrDefaultAsync(i => i.CaseId == caseId, ct);
        if (row is null)
        {
            return null;
        }
        var intake = new CaseIntake(
            row.ZoneCheck is null ? null : JsonSerializer.Deserialize<ZoneCheckView>(row.ZoneCheck, Json),
            row.Leniency is null ? null : JsonSerializer.Deserialize<LeniencyView>(row.Leniency, Json),
            row.BikeFence is null ? null : JsonSerializer.Deserialize<BikeFenceView>(row.BikeFence, Json));
        return new CaseIntakeDetail(caseId, row.Party, intake, row.Party is null ? [] : await HistoryAsync(row.Party, scope, ct));
    }

    /// <summary>
    /// Every recorded offence of the party, newest first: when, what, and the outcome, for anyone judging the next one; the
    /// number of the case it was found in only where the reader may read that case.
    /// </summary>
    public async Task<IReadOnlyList<OffenceView>> HistoryAsync(string party, ReadScope scope, CancellationToken ct = default) =>
        await (from o in db.PartyOffences.AsNoTracking()
               where o.Party == party
               join c in db.Cases.AsNoTracking().VisibleTo(scope) on o.CaseId equals c.Id into cases
               from c in cases.DefaultIfEmpty()
               orderby o.At descending
               select new OffenceView(c == null ? Guid.Empty : o.CaseId, c == null ? null : c.Number, o.CategoryCode, o.At, o.Outcome, o.ItemCode, o.CorrectionDeadline))
            .ToListAsync(ct);

    private async Task<LeniencyView> DecideAsync(Case c, PartyKey? party, ZoneCheckView? zone, LeniencyCatalogue catalogue, SlaClock slaClock,
        CancellationToken ct)
    {
        if (party is not { } key)
        {
            return new LeniencyView(null, "no-party", null, null, null, null, null);
        }
        if (zone?.Verdict == "permitted")
        {
            // Trading in an open zone is no offence: nothing to forgive and nothing to record.
            return new LeniencyView(null, "not-applicable", key.ToString(), null, null, null, null);
        }
        var text = key.ToString();
        var prior = await db.PartyOffences.AsNoTracking().Where(o => o.Party == text && o.At < c.ReportedAt).ToListAsync(ct);
        var decided = LeniencyDecision.Decide(key, c.CategoryCode, c.ReportedAt,
            prior.Select(o => new PartyOffence(key, o.CategoryCode, o.At)), catalogue, slaClock);
        var outcome = decided.Outcome switch
        {
            LeniencyOutcome.Warning => "warning",
            LeniencyOutcome.Penalty => "penalty",
            _ => "not-applicable",
        };
        c.LeniencyOutcome = outcome;
        db.PartyOffences.Add(new PartyOffenceRow
        {
            Id = Guid.NewGuid(), Party = text, CategoryCode = c.CategoryCode, At = c.ReportedAt, CaseId = c.Id,
            ItemCode = decided.Item?.Code, Outcome = outcome, CorrectionDeadline = decided.CorrectionDeadline,
        });
        OffenceView? repeat = null;
        if (decided.RepeatOf is { } r && prior.FirstOrDefault(o => o.At == r.At && o.CategoryCode == r.CategoryCode) is { } first)
        {
            var number = await db.Cases.AsNoTracking().Where(x => x.Id == first.CaseId).Select(x => x.Number).SingleOrDefaultAsync(ct);
            repeat = new OffenceView(first.CaseId, number, first.CategoryCode, first.At, first.Outcome, first.ItemCode, first.CorrectionDeadline);
        }
        return new LeniencyView(decided.Item is null ? null : decided.RepeatOf is null, outcome, text, decided.Item?.Code, decided.Item?.Name,
            decided.CorrectionDeadline, repeat);
    }
}
