using System.Globalization;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Validation;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.City;
using CommandCenter.Web.Live;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace CommandCenter.Web.Features.Zones;

/// <summary>
/// Creates, edits and retires vendor zones for the map editor and the API alike: every input is checked here
/// (<see cref="VendorZoneSchedule.Validate"/> for the hours, <see cref="VendorZoneRules.Validate"/> for the place), saved with a
/// change-log row holding the zone before and after (geometry included), and returns once this instance's city has reloaded.
/// </summary>
public sealed class ZoneService(CommandCenterDb db, CityGeography city, ChangeFollower follower, CityClock clock)
{
    private static readonly TimeSpan ReloadWait = TimeSpan.FromSeconds(10);

    /// <summary>A zone in force, as stored.</summary>
    public Task<VendorZoneRow?> FindAsync(string id, CancellationToken ct = default) =>
        db.VendorZones.AsNoTracking().SingleOrDefaultAsync(z => z.Id == id && z.RetiredAt == null, ct);

    public async Task<ZoneCommandResult> CreateAsync(ZoneInput input, string actor, CancellationToken ct = default)
    {
        var (zone, errors) = await CheckAsync(null, input, ct);
        if (errors.Count > 0)
        {
            return ZoneCommandResult.Fail(Refusal.BadRequest([.. errors]));
        }
        for (var attempt = 0; ; attempt++)
        {
            var row = new VendorZoneRow
            {
                Id = await NextIdAsync(zone!.Type, ct), Name = "", Type = "", Windows = [], Goods = "", Geom = zone.Area,
            };
            Apply(row, zone, input);
            db.VendorZones.Add(row);
            var change = db.Record(ChangeTopics.Zone, row.Id, "created", actor, clock.UtcNow, after: ZoneGeoJson.Json(row));
            try
            {
                await CommitAsync(change, ct);
                return new ZoneCommandResult(row, null);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another editor took the same code a moment ago: take the next one.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<ZoneCommandResult> UpdateAsync(string id, ZoneInput input, string actor, CancellationToken ct = default)
    {
        var row = await db.VendorZones.SingleOrDefaultAsync(z => z.Id == id && z.RetiredAt == null, ct);
        if (row is null)
        {
            return ZoneCommandResult.Fail(Refusal.NotFound("NoSuchZone", id));
        }
        if (input.Version is { } expected && expected != row.Version)
        {
            return ZoneCommandResult.Fail(Refusal.Conflict("VersionChanged", row.Version, expected));
        }
        var (zone, errors) = await CheckAsync(id, input with { Geometry = input.Geometry ?? row.Geom }, ct);
        if (errors.Count > 0)
        {
            return ZoneCommandResult.Fail(Refusal.BadRequest([.. errors]));
        }
        var before = ZoneGeoJson.Json(row);
        Apply(row, zone!, input);
        row.Version++;
        var change = db.Record(ChangeTopics.Zone, row.Id, "updated", actor, clock.UtcNow, before, ZoneGeoJson.Json(row));
        try
        {
            await CommitAsync(change, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ZoneCommandResult.Fail(Refusal.Conflict("ChangedMeanwhile"));
        }
        return new ZoneCommandResult(row, null);
    }

    /// <summary>Takes the zone out of force; its row and history stay. Not found when there is no such zone in force.</summary>
    public async Task<ZoneCommandResult> RetireAsync(string id, string actor, CancellationToken ct = default)
    {
        var row = await db.VendorZones.SingleOrDefaultAsync(z => z.Id == id && z.RetiredAt == null, ct);
        if (row is null)
        {
            return ZoneCommandResult.Fail(Refusal.NotFound("NoSuchZone", id));
        }
        var before = ZoneGeoJson.Json(row);
        row.RetiredAt = clock.UtcNow;
        row.Version++;
        var change = db.Record(ChangeTopics.Zone, row.Id, "retired", actor, row.RetiredAt.Value, before, ZoneGeoJson.Json(row));
        try
        {
            await CommitAsync(change, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ZoneCommandResult.Fail(Refusal.Conflict("ChangedMeanwhile"));
        }
        return new ZoneCommandResult(row, null);
    }

    /// <summary>
    /// The zone as it would be saved, or every refused field: text fields, type, hours and seasons, closed dates first;
    /// then, when those read, the zone rules against the other zones in force, the school gates and the city.
    /// </summary>
    public async Task<(VendorZone? Zone, IReadOnlyList<FieldError> Errors)> CheckAsync(string? id, ZoneInput input, CancellationToken ct = default)
    {
        var errors = TextInput.Collect(
            TextInput.Check("name", input.Name, 100),
            TextInput.Check("goods", input.Goods, 500),
            TextInput.Check("bannedGoods", input.BannedGoods, 500),
            TextInput.Check("manager", input.Manager, 50),
            TextInput.Check("schoolName", input.SchoolName, 100),
            TextInput.Check("operator", input.Operator, 50));
        if (!VendorZoneTypes.TryParse(input.Type, out var type))
        {
            errors.Add(new FieldError("type", "ZoneTypeUnknown", input.Type, string.Join(", ", VendorZoneTypes.Slugs)));
        }
        var windows = input.Windows ?? [];
        var seasons = input.Seasons ?? [];
        errors.AddRange(VendorZoneSchedule.Validate(windows, seasons.Select(s => (s.From, s.To)).ToList()));
        var closed = new List<DateOnly>();
        var closedDates = input.ClosedDates ?? [];
        for (var i = 0; i < closedDates.Length; i++)
        {
            if (DateOnly.TryParseExact(closedDates[i]?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                closed.Add(day);
            }
            else
            {
                errors.Add(new FieldError($"closedDates[{i}]", "DateFormat"));
            }
        }
        if (input.Parked is < 0)
        {
            errors.Add(new FieldError("parked", "ValueTooSmall", 0));
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var schedule = new VendorZoneSchedule(WeeklyHours.Parse(windows), seasons.Select(s => Season.Parse(s.From!.Trim(), s.To!.Trim())).ToList(),
            closed.Distinct().Order().ToList(), input.ClosedOnPublicHolidays);
        var area = input.Geometry ?? Polygon.Empty;
        var candidate = new VendorZone(id ?? "", input.Name?.Trim() ?? "", type, schedule, input.StallCount,
            input.MaxStallAreaM2 ?? VendorZone.DefaultMaxStallAreaM2, input.Goods?.Trim() ?? "", Blank(input.Manager), Blank(input.SchoolName), area,
            input.Capacity, Blank(input.Operator), Blank(input.BannedGoods));
        var others = (await db.VendorZones.AsNoTracking().Where(z => z.RetiredAt == null && z.Id != (id ?? "")).ToListAsync(ct))
            .Select(CityGeography.ToDomain).ToList();
        var cityArea = CityAreaAround(area);
        if (cityArea is null && area is (Polygon or MultiPolygon) && !area.IsEmpty && area.IsValid)
        {
            return (null, [new FieldError("geometry", "ZoneOutsideCity", VendorZoneRules.CityToleranceM)]);
        }
        var refused = VendorZoneRules.Validate(candidate, others, SchoolGate.StandInsFor(others), cityArea);
        return refused.Count > 0 ? (null, refused) : (candidate, []);
    }

    private static void Apply(VendorZoneRow row, VendorZone zone, ZoneInput input)
    {
        row.Name = zone.Name;
        row.Type = VendorZoneTypes.Slug(zone.Type);
        row.Windows = [.. zone.Schedule.Hours.ToStrings()];
        row.Seasons = zone.Schedule.Seasons.Select(s => $"{s.From}/{s.To}").ToArray();
        // The importer's two columns keep the first season, so exports and older readers still see one.
        var first = zone.Schedule.Seasons.Count > 0 ? zone.Schedule.Seasons[0] : (Season?)null;
        row.SeasonFrom = first?.From;
        row.SeasonTo = first?.To;
        row.ClosedDates = [.. zone.Schedule.ClosedDates];
        row.ClosedOnPublicHolidays = zone.Schedule.ClosedOnPublicHolidays;
        row.StallCount = zone.StallCount;
        row.MaxStallAreaM2 = zone.MaxStallAreaM2;
        row.Goods = zone.Goods;
        row.BannedGoods = zone.BannedGoods;
        row.Manager = zone.Manager;
        row.SchoolName = zone.SchoolName;
        row.Capacity = zone.Type == VendorZoneType.BikeFence ? zone.Capacity : null;
        row.Operator = zone.Type == VendorZoneType.BikeFence ? zone.Operator : null;
        row.Parked = zone.Type == VendorZoneType.BikeFence ? input.Parked : null;
        row.Geom = zone.Area;
    }

    /// <summary>
    /// The part of the city around a drawn area (the union of the unit grids near it), enough to tell whether the city
    /// covers it without uniting every grid of a large city; null when no grid is near.
    /// </summary>
    private Geometry? CityAreaAround(Geometry area)
    {
        if (area.IsEmpty)
        {
            return null;
        }
        var reach = area.EnvelopeInternal.Copy();
        reach.ExpandBy(Geodesy.DegreesLon(VendorZoneRules.CityToleranceM * 4, reach.Centre.Y), Geodesy.DegreesLat(VendorZoneRules.CityToleranceM * 4));
        var near = city.Index.City.UnitGrids.Where(g => g.Shape.EnvelopeInternal.Intersects(reach)).Select(g => (Geometry)g.Shape).ToList();
        return near.Count == 0 ? null : CascadedPolygonUnion.Union(near);
    }

    private async Task<string> NextIdAsync(VendorZoneType type, CancellationToken ct)
    {
        var prefix = type switch { VendorZoneType.Banned => "BZ", VendorZoneType.BikeFence => "BF", _ => "VZ" };
        var taken = await db.VendorZones.AsNoTracking().Where(z => z.Id.StartsWith(prefix)).Select(z => z.Id).ToListAsync(ct);
        var next = taken.Select(t => int.TryParse(t[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
        return prefix + next.ToString("D2", CultureInfo.InvariantCulture);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Saves the edit with its change row, then waits until this instance has reloaded the city, so the next read sees it.</summary>
    private async Task CommitAsync(ChangeRow change, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        follower.Poke();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ReloadWait);
        await follower.WaitForChangeAsync(change.Seq, timeout.Token);
    }
}
