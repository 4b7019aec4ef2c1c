using System.Globalization;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.City;
using CommandCenter.Web.Data;
using CommandCenter.Web.Data.City;
using CommandCenter.Web.Data.Vendors;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CommandCenter.Web.Features.Vendors;

/// <summary>
/// Demo registry data made from the demo city once, like the demo users: a few registered vendors per vending zone (stall
/// numbers, goods from the zone's list), two merchants per street with their 门前三包 / 五包 pledge and 五星商户 rating history,
/// and a shared-bike fence beside each kiosk (the OSM extract has none). Names, phones and licence numbers are invented.
/// Fences that would break the zone rules are skipped.
/// </summary>
public sealed class RegistrySeeder(CommandCenterDb db, ILogger<RegistrySeeder> logger)
{
    private const int VendorsPerZone = 5;
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    private static readonly string[] GivenNames = ["建国", "秀英", "桂兰", "志强", "海燕", "春梅", "国平", "玉珍", "晓东", "丽华", "文杰", "红梅", "德明", "凤英", "立新", "美玲", "永强", "素芬"];
    private static readonly string[] ShopKinds = ["便利店", "面馆", "水果店", "五金店", "理发店", "药房", "小吃店", "书店", "茶叶店", "服装店"];
    private static readonly string[] Operators = ["美团", "哈啰", "青桔"];
    private static readonly GeometryFactory Geo = new(new PrecisionModel(), CommandCenterDb.Srid);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Vendors.AnyAsync(ct) || await db.Merchants.AnyAsync(ct) || !await db.VendorZones.AnyAsync(ct))
        {
            return;
        }
        var zones = await db.VendorZones.AsNoTracking().Where(z => z.RetiredAt == null).OrderBy(z => z.Id).ToListAsync(ct);
        var vendors = SeedVendors(zones);
        var (merchants, ratings) = SeedMerchants(await db.Streets.AsNoTracking().OrderBy(s => s.Id).ToListAsync(ct));
        var fences = SeedFences(zones, await db.Kiosks.AsNoTracking().OrderBy(k => k.Id).ToListAsync(ct));
        db.Vendors.AddRange(vendors);
        db.Merchants.AddRange(merchants);
        db.MerchantRatings.AddRange(ratings);
        db.VendorZones.AddRange(fences);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded {Vendors} vendors, {Merchants} merchants ({Ratings} ratings) and {Fences} bike fences",
            vendors.Count, merchants.Count, ratings.Count, fences.Count);
    }

    private static List<VendorRow> SeedVendors(IReadOnlyList<VendorZoneRow> zones)
    {
        var rows = new List<VendorRow>();
        foreach (var zone in zones.Where(z => VendorZoneTypes.TryParse(z.Type, out var t) && VendorZoneTypes.PermitsVending(t)))
        {
            var goods = zone.Goods.Split(['、', '，', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var stall = 1; stall <= Math.Min(VendorsPerZone, zone.StallCount); stall++)
            {
                var n = rows.Count + 1;
                rows.Add(new VendorRow
                {
                    Id = $"V{n:D4}", ZoneId = zone.Id, StallNumber = stall.ToString(CultureInfo.InvariantCulture), Name = PersonName(n),
                    Phone = MobilePhone(n), Goods = goods.Length == 0 ? zone.Goods : goods[(stall - 1) % goods.Length],
                    Licence = $"临摊{zone.Id}-{stall:D2}", RegisteredOn = new DateOnly(2026, 3, 1).AddDays(n % 90),
                });
            }
        }
        return rows;
    }

    private static (List<MerchantRow> Merchants, List<MerchantRatingRow> Ratings) SeedMerchants(IReadOnlyList<StreetRow> streets)
    {
        var merchants = new List<MerchantRow>();
        var ratings = new List<MerchantRatingRow>();
        foreach (var street in streets)
        {
            for (var i = 0; i < 2; i++)
            {
                var n = merchants.Count + 1;
                var five = n % 3 == 0;
                var merchant = new MerchantRow
                {
                    Id = $"M{n:D4}", StreetId = street.Id, ShopName = $"{street.Name}{ShopKinds[n % ShopKinds.Length]}",
                    Licence = $"92320102MA{(n * 7919 % 100_000_000):D8}", Phone = $"025-8{(n * 104_729 % 10_000_000):D7}",
                    Address = $"{street.Name}{10 + n % 90}号", Pledge = five ? PledgeItems.Five : PledgeItems.Three,
                    PledgeItems = [.. PledgeItems.Standard(five ? PledgeItems.Five : PledgeItems.Three)],
                    PledgeSignedOn = new DateOnly(2026, 1, 5).AddDays(n % 60),
                };
                // A year of ratings: last spring and this autumn; every fifth shop earned its 五星 this autumn.
                var spring = 3 + n % 2;
                var autumn = n % 5 == 0 ? 5 : Math.Max(2, spring - (n % 7 == 0 ? 1 : 0));
                ratings.Add(Rating(merchant.Id, spring, new DateOnly(2026, 4, 15), null));
                ratings.Add(Rating(merchant.Id, autumn, new DateOnly(2026, 10, 15), autumn == 5 ? "五星商户" : null));
                merchant.Stars = autumn;
                merchants.Add(merchant);
            }
        }
        return (merchants, ratings);
    }

    /// <summary>A 16 m × 5 m fence 30 m north of each kiosk, skipped where it would overlap a market or leave the city.</summary>
    private List<VendorZoneRow> SeedFences(IReadOnlyList<VendorZoneRow> zones, IReadOnlyList<KioskRow> kiosks)
    {
        var existing = zones.Select(CityGeography.ToDomain).ToList();
        var fences = new List<VendorZoneRow>();
        foreach (var kiosk in kiosks)
        {
            var n = fences.Count + 1;
            var centre = new Coordinate(kiosk.Geom.X, kiosk.Geom.Y + Geodesy.DegreesLat(30));
            var dx = Geodesy.DegreesLon(8, centre.Y);
            var dy = Geodesy.DegreesLat(2.5);
            var ring = new[]
            {
                new Coordinate(Round(centre.X - dx), Round(centre.Y - dy)), new Coordinate(Round(centre.X + dx), Round(centre.Y - dy)),
                new Coordinate(Round(centre.X + dx), Round(centre.Y + dy)), new Coordinate(Round(centre.X - dx), Round(centre.Y + dy)),
                new Coordinate(Round(centre.X - dx), Round(centre.Y - dy)),
            };
            var area = Geo.CreatePolygon(ring);
            var capacity = 30 + (n % 4) * 10;
            var name = kiosk.Name.Replace("城管驿站", "", StringComparison.Ordinal).Replace("便民服务岗亭", "", StringComparison.Ordinal) + "共享单车电子围栏";
            var candidate = new VendorZone($"BF{n:D2}", name, VendorZoneType.BikeFence, VendorZoneSchedule.Never, 0, 0, "共享单车停放", null, null, area,
                capacity, Operators[n % Operators.Length]);
            if (VendorZoneRules.Validate(candidate, existing, [], null).Count > 0)
            {
                logger.LogInformation("No bike fence seeded by {Kiosk}: it would break the zone rules there", kiosk.Name);
                continue;
            }
            existing.Add(candidate);
            fences.Add(new VendorZoneRow
            {
                Id = candidate.Id, Name = name, Type = VendorZoneTypes.Slug(VendorZoneType.BikeFence), Windows = [], StallCount = 0, MaxStallAreaM2 = 0,
                Goods = candidate.Goods, Capacity = capacity, Operator = candidate.Operator, Parked = capacity * (60 + n * 37 % 60) / 100, Geom = area,
            });
        }
        return fences;
    }

    private static MerchantRatingRow Rating(string merchantId, int stars, DateOnly on, string? note) =>
        new() { Id = Guid.NewGuid(), MerchantId = merchantId, Stars = stars, RatedOn = on, Note = note, Actor = "admin" };

    private static string PersonName(int n) => Surnames[n * 7 % Surnames.Length] + GivenNames[n * 11 % GivenNames.Length];

    private static string MobilePhone(int n) => "13" + (n % 10).ToString(CultureInfo.InvariantCulture) + (n * 7_368_787L % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    private static double Round(double degrees) => Math.Round(degrees, 7);
}
