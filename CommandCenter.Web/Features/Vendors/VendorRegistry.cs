using System.Globalization;
using System.Text.RegularExpressions;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Intake;
using CommandCenter.Domain.Validation;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.Changes;
using CommandCenter.Web.Data.City;
using CommandCenter.Web.Data.Vendors;
using CommandCenter.Web.Live;
using CommandCenter.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace CommandCenter.Web.Features.Vendors;

/// <summary>
/// 摊贩登记 and 沿街商户: vendors registered to the stalls of a zone, merchants per street with their 门前三包 / 五包 pledge and
/// 五星商户 rating history. Lists mask phone numbers; every edit is audited in the change log (topic registry).
/// </summary>
public sealed partial class VendorRegistry(CommandCenterDb db, CityClock clock, ChangeFollower follower)
{
    public async Task<IReadOnlyList<VendorView>?> VendorsOfZoneAsync(string zoneId, CancellationToken ct = default)
    {
        if (!await db.VendorZones.AnyAsync(z => z.Id == zoneId, ct))
        {
            return null;
        }
        var rows = await db.Vendors.AsNoTracking().Where(v => v.ZoneId == zoneId && v.RetiredAt == null).ToListAsync(ct);
        return rows.OrderBy(v => v.StallNumber, StallOrder.Instance).Select(ToView).ToList();
    }

    /// <summary>Roles that keep the registers (vendors, merchants, pledges, ratings): the API's policy and the pages' edit forms.</summary>
    public static readonly IReadOnlyList<Role> Keepers = [Role.Admin, Role.Leader];

    /// <summary><see cref="Keepers"/> as the role slugs an authorization policy takes.</summary>
    public static string[] KeeperRoles => [.. Keepers.Select(r => r.Slug())];

    public static bool MayKeep(Actor? actor) => actor is not null && Keepers.Any(actor.Has);

    public async Task<RegistryResult<VendorView>> RegisterVendorAsync(string zoneId, VendorInput input, string actor, CancellationToken ct = default)
    {
        var zone = await db.VendorZones.AsNoTracking().SingleOrDefaultAsync(z => z.Id == zoneId && z.RetiredAt == null, ct);
        if (zone is null)
        {
            return RegistryResult<VendorView>.Fail(Refusal.NotFound("NoSuchZone", zoneId));
        }
        var errors = await CheckVendorAsync(zone, input, null, ct);
        if (errors.Count > 0)
        {
            return RegistryResult<VendorView>.Fail(Refusal.BadRequest([.. errors]));
        }
        var row = new VendorRow
        {
            Id = await NextIdAsync(db.Vendors.Select(v => v.Id), "V", ct), ZoneId = zoneId, StallNumber = input.StallNumber!.Trim(), Name = input.Name!.Trim(),
            Phone = input.Phone!.Trim(), Goods = input.Goods!.Trim(), Licence = input.Licence!.Trim(), RegisteredOn = DateOnly.FromDateTime(clock.LocalNow),
        };
        db.Vendors.Add(row);
        db.Record(ChangeTopics.Registry, row.Id, "created", actor, clock.UtcNow, after: ToView(row));
        await SaveAsync(ct);
        return RegistryResult<VendorView>.Ok(ToView(row));
    }

    /// <summary>Corrects a registered vendor (stall, name, phone, goods, licence) under the same rules as registering.</summary>
    public async Task<RegistryResult<VendorView>> UpdateVendorAsync(string id, VendorInput input, string actor, CancellationToken ct = default)
    {
        var row = await db.Vendors.SingleOrDefaultAsync(v => v.Id == id && v.RetiredAt == null, ct);
        var zone = row is null ? null : await db.VendorZones.AsNoTracking().SingleOrDefaultAsync(z => z.Id == row.ZoneId, ct);
        if (row is null || zone is null)
        {
            return RegistryResult<VendorView>.Fail(Refusal.NotFound("NoSuchVendor", id));
        }
        var errors = await CheckVendorAsync(zone, input, id, ct);
        if (errors.Count > 0)
        {
            return RegistryResult<VendorView>.Fail(Refusal.BadRequest([.. errors]));
        }
        var before = ToView(row);
        row.StallNumber = input.StallNumber!.Trim();
        row.Name = input.Name!.Trim();
        row.Phone = input.Phone!.Trim();
        row.Goods = input.Goods!.Trim();
        row.Licence = input.Licence!.Trim();
        db.Record(ChangeTopics.Registry, row.Id, "updated", actor, clock.UtcNow, before, ToView(row));
        await SaveAsync(ct);
        return RegistryResult<VendorView>.Ok(ToView(row));
    }

    /// <summary>The fields of a vendor that fail: texts, phone format, a zone with stalls, a stall nobody else (but <paramref name="self"/>) holds.</summary>
    private async Task<List<FieldError>> CheckVendorAsync(VendorZoneRow zone, VendorInput input, string? self, CancellationToken ct)
    {
        var errors = TextInput.Collect(
            TextInput.Check("stallNumber", input.StallNumber, 16, required: true),
            TextInput.Check("name", input.Name, 50, required: true),
            TextInput.Check("goods", input.Goods, 200, required: true),
            TextInput.Check("licence", input.Licence, 50, required: true),
            TextInput.Check("phone", input.Phone, 20, required: true));
        if (!VendorZoneTypes.TryParse(zone.Type, out var type) || !VendorZoneTypes.PermitsVending(type))
        {
            errors.Add(new FieldError("zoneId", "ZoneHasNoStalls", zone.Name));
        }
        if (input.Phone is { } phone && !string.IsNullOrWhiteSpace(phone) && !PhonePattern().IsMatch(phone.Trim()))
        {
            errors.Add(new FieldError("phone", "PhoneFormat", phone));
        }
        var stall = input.StallNumber?.Trim() ?? "";
        if (errors.Count == 0 && await db.Vendors.AnyAsync(v => v.ZoneId == zone.Id && v.StallNumber == stall && v.RetiredAt == null && v.Id != self, ct))
        {
            errors.Add(new FieldError("stallNumber", "StallTaken", stall, zone.Name));
        }
        return errors;
    }

    public async Task<bool> RetireVendorAsync(string id, string actor, CancellationToken ct = default)
    {
        var row = await db.Vendors.SingleOrDefaultAsync(v => v.Id == id && v.RetiredAt == null, ct);
        if (row is null)
        {
            return false;
        }
        row.RetiredAt = clock.UtcNow;
        db.Record(ChangeTopics.Registry, row.Id, "retired", actor, row.RetiredAt.Value, before: ToView(row));
        await SaveAsync(ct);
        return true;
    }

    /// <summary>The vendor with the full phone number (for the desk that calls them), or null.</summary>
    public async Task<VendorView?> VendorAsync(string id, CancellationToken ct = default) =>
        await db.Vendors.AsNoTracking().Where(v => v.Id == id).Select(v => new VendorView(v.Id, v.ZoneId, v.StallNumber, v.Name, v.Phone, v.Goods, v.Licence, v.RegisteredOn))
            .SingleOrDefaultAsync(ct);

    public async Task<IReadOnlyList<MerchantView>?> MerchantsOfStreetAsync(string streetId, CancellationToken ct = default)
    {
        var street = await db.Streets.AsNoTracking().Where(s => s.Id == streetId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (street is null)
        {
            return null;
        }
        var rows = await db.Merchants.AsNoTracking().Where(m => m.StreetId == streetId).OrderBy(m => m.Id).ToListAsync(ct);
        return rows.Select(m => ToView(m, street)).ToList();
    }

    public async Task<MerchantDetail?> MerchantAsync(string id, CancellationToken ct = default)
    {
        var row = await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (row is null)
        {
            return null;
        }
        var street = await db.Streets.AsNoTracking().Where(s => s.Id == row.StreetId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        var ratings = await db.MerchantRatings.AsNoTracking().Where(r => r.MerchantId == id)
            .OrderByDescending(r => r.RatedOn).ThenByDescending(r => r.Id)
            .Select(r => new MerchantRatingView(r.Stars, r.RatedOn, r.Note, r.Actor)).ToListAsync(ct);
        return new MerchantDetail(ToView(row, street), ratings);
    }

    public async Task<RegistryResult<MerchantView>> AddMerchantAsync(string streetId, MerchantInput input, string actor, CancellationToken ct = default)
    {
        var street = await db.Streets.AsNoTracking().Where(s => s.Id == streetId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        if (street is null)
        {
            return RegistryResult<MerchantView>.Fail(Refusal.NotFound("NoSuchStreet", streetId));
        }
        if (CheckMerchant(input) is { Count: > 0 } errors)
        {
            return RegistryResult<MerchantView>.Fail(Refusal.BadRequest([.. errors]));
        }
        var row = new MerchantRow
        {
            Id = await NextIdAsync(db.Merchants.Select(m => m.Id), "M", ct), StreetId = streetId, ShopName = input.ShopName!.Trim(),
            Licence = input.Licence!.Trim(), Phone = input.Phone?.Trim() is { Length: > 0 } p ? p : null, Address = input.Address?.Trim(),
        };
        db.Merchants.Add(row);
        db.Record(ChangeTopics.Registry, row.Id, "created", actor, clock.UtcNow, after: ToView(row, street));
        await SaveAsync(ct);
        return RegistryResult<MerchantView>.Ok(ToView(row, street));
    }

    /// <summary>
    /// Corrects a merchant's shop name, licence, phone and address under the same rules as adding it. A null phone keeps the number
    /// on file (lists only ever show it masked), an empty one clears it.
    /// </summary>
    public async Task<RegistryResult<MerchantView>> UpdateMerchantAsync(string id, MerchantInput input, string actor, CancellationToken ct = default)
    {
        var row = await db.Merchants.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (row is null)
        {
            return RegistryResult<MerchantView>.Fail(Refusal.NotFound("NoSuchMerchant", id));
        }
        if (CheckMerchant(input) is { Count: > 0 } errors)
        {
            return RegistryResult<MerchantView>.Fail(Refusal.BadRequest([.. errors]));
        }
        var street = await db.Streets.AsNoTracking().Where(s => s.Id == row.StreetId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        var before = ToView(row, street);
        row.ShopName = input.ShopName!.Trim();
        row.Licence = input.Licence!.Trim();
        if (input.Phone is not null)
        {
            row.Phone = input.Phone.Trim() is { Length: > 0 } p ? p : null;
        }
        row.Address = input.Address?.Trim();
        db.Record(ChangeTopics.Registry, row.Id, "updated", actor, clock.UtcNow, before, ToView(row, street));
        await SaveAsync(ct);
        return RegistryResult<MerchantView>.Ok(ToView(row, street));
    }

    private static List<FieldError> CheckMerchant(MerchantInput input)
    {
        var errors = TextInput.Collect(
            TextInput.Check("shopName", input.ShopName, 100, required: true),
            TextInput.Check("licence", input.Licence, 50, required: true),
            TextInput.Check("phone", input.Phone, 20),
            TextInput.Check("address", input.Address, 200));
        if (input.Phone is { } phone && !string.IsNullOrWhiteSpace(phone) && !PhonePattern().IsMatch(phone.Trim()))
        {
            errors.Add(new FieldError("phone", "PhoneFormat", phone));
        }
        return errors;
    }

    /// <summary>Signs (or re-signs) the merchant's 门前三包 / 五包 pledge: three or five known items, a date not in the future.</summary>
    public async Task<RegistryResult<MerchantView>> SetPledgeAsync(string id, PledgeInput input, string actor, CancellationToken ct = default)
    {
        var row = await db.Merchants.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (row is null)
        {
            return RegistryResult<MerchantView>.Fail(Refusal.NotFound("NoSuchMerchant", id));
        }
        var errors = new List<FieldError>();
        if (input.Kind is not (PledgeItems.Three or PledgeItems.Five))
        {
            errors.Add(new FieldError("kind", "PledgeKindUnknown", input.Kind));
        }
        var items = (input.Items ?? []).Select(i => i?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        foreach (var unknown in items.Where(i => !PledgeItems.All.Contains(i)))
        {
            errors.Add(new FieldError("items", "PledgeItemUnknown", unknown, string.Join(", ", PledgeItems.All)));
        }
        if (input.Kind is PledgeItems.Three or PledgeItems.Five && items.Length != PledgeItems.CountOf(input.Kind))
        {
            errors.Add(new FieldError("items", "PledgeItemCount", PledgeItems.CountOf(input.Kind), items.Length));
        }
        var today = DateOnly.FromDateTime(clock.LocalNow);
        if (input.SignedOn is not { } signed)
        {
            errors.Add(new FieldError("signedOn", "Required"));
        }
        else if (signed > today)
        {
            errors.Add(new FieldError("signedOn", "DateInFuture", signed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        if (errors.Count > 0)
        {
            return RegistryResult<MerchantView>.Fail(Refusal.BadRequest([.. errors]));
        }
        var street = await db.Streets.AsNoTracking().Where(s => s.Id == row.StreetId).Select(s => s.Name).SingleOrDefaultAsync(ct);
        var before = ToView(row, street);
        row.Pledge = input.Kind;
        row.PledgeItems = PledgeItems.All.Where(items.Contains).ToArray();
        row.PledgeSignedOn = input.SignedOn;
        db.Record(ChangeTopics.Registry, row.Id, "pledged", actor, clock.UtcNow, before, ToView(row, street));
        await SaveAsync(ct);
        return RegistryResult<MerchantView>.Ok(ToView(row, street));
    }

    /// <summary>Rates the merchant (0–5 stars, 5 = 五星商户); the rating joins its history and becomes the current star.</summary>
    public async Task<RegistryResult<MerchantDetail>> RateAsync(string id, RatingInput input, string actor, CancellationToken ct = default)
    {
        var row = await db.Merchants.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (row is null)
        {
            return RegistryResult<MerchantDetail>.Fail(Refusal.NotFound("NoSuchMerchant", id));
        }
        var errors = TextInput.Collect(TextInput.Check("note", input.Note, 200));
        if (input.Stars is not (>= 0 and <= 5))
        {
            errors.Add(new FieldError("stars", "OutOfRange", 0, 5));
        }
        var ratedOn = input.RatedOn ?? DateOnly.FromDateTime(clock.LocalNow);
        if (ratedOn > DateOnly.FromDateTime(clock.LocalNow))
        {
            errors.Add(new FieldError("ratedOn", "DateInFuture", ratedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        if (errors.Count > 0)
        {
            return RegistryResult<MerchantDetail>.Fail(Refusal.BadRequest([.. errors]));
        }
        var before = row.Stars;
        db.MerchantRatings.Add(new MerchantRatingRow { Id = Guid.NewGuid(), MerchantId = id, Stars = input.Stars!.Value, RatedOn = ratedOn, Note = input.Note?.Trim(), Actor = actor });
        // The latest rating by date is the current star; a late entry of an older rating does not replace it.
        var latest = await db.MerchantRatings.Where(r => r.MerchantId == id).OrderByDescending(r => r.RatedOn).Select(r => (DateOnly?)r.RatedOn).FirstOrDefaultAsync(ct);
        if (latest is null || ratedOn >= latest)
        {
            row.Stars = input.Stars.Value;
        }
        db.Record(ChangeTopics.Registry, row.Id, "rated", actor, clock.UtcNow, new { stars = before }, new { stars = row.Stars, given = input.Stars, ratedOn });
        await SaveAsync(ct);
        return RegistryResult<MerchantDetail>.Ok((await MerchantAsync(id, ct))!);
    }

    public static VendorView ToView(VendorRow v) => new(v.Id, v.ZoneId, v.StallNumber, v.Name, PhoneMask.Mask(v.Phone), v.Goods, v.Licence, v.RegisteredOn);

    public static MerchantView ToView(MerchantRow m, string? streetName) => new(m.Id, m.StreetId, streetName, m.ShopName, m.Licence, PhoneMask.Mask(m.Phone),
        m.Address, m.Pledge, m.PledgeItems, m.PledgeSignedOn, m.Stars);

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        follower.Poke();
    }

    private static async Task<string> NextIdAsync(IQueryable<string> ids, string prefix, CancellationToken ct)
    {
        var taken = await ids.Where(i => i.StartsWith(prefix)).ToListAsync(ct);
        var next = taken.Select(t => int.TryParse(t[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1;
        return prefix + next.ToString("D4", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^[0-9+][0-9 \-]{6,19}$")]
    private static partial Regex PhonePattern();

    /// <summary>Stall numbers in natural order: 2 before 10, then text.</summary>
    private sealed class StallOrder : IComparer<string>
    {
        public static readonly StallOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var xn = int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var a);
            var yn = int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var b);
            return xn && yn ? a.CompareTo(b) : xn ? -1 : yn ? 1 : string.CompareOrdinal(x, y);
        }
    }
}
