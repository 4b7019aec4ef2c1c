using System.Globalization;
using System.Text.Json;
using CommandCenter.Domain.Geography;
using CommandCenter.Domain.Kiosks;
using CommandCenter.Domain.Zones;
using CommandCenter.Web.Data.City;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace CommandCenter.Web.Data.Import;

/// <summary>
/// Reads and validates every file of the demo city before anything is written: geometry validity,
/// codes, references between files, grid overlaps and grids lying outside their 社区.
/// </summary>
public static class CityDataLoader
{
    private const string GridsFile = "unit-grids.geojson";
    private static readonly HashSet<string> Roles =
        ["gridmember", "intake", "shiftlead", "dispatcher", "handler", "roaddirector", "leader", "admin", "streetchief"];
    private static readonly HashSet<string> LimitUnits = ["workingHours", "workingDays", "naturalHours"];

    /// <summary>Loads the city under <paramref name="root"/>; throws <see cref="CityImportException"/> listing every problem.</summary>
    public static CityDataSet Load(string root)
    {
        var errors = new List<ImportError>();
        var files = new CityDataFiles(root, errors);

        var departments = files.Records("departments.json", "code").Select(r => new DepartmentRow
        {
            Code = r.Text("code"), Name = r.Text("name"), NameEn = r.Text("nameEn"),
        }).ToList();
        RequireUnique(departments, d => d.Code, "departments.json", "code", errors);
        var departmentCodes = departments.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);

        var subdistricts = files.Features("subdistricts.geojson", "code").Select(f =>
        {
            var row = new SubdistrictRow
            {
                Code = f.Text("code"), Name = f.Text("name"), DistrictCode = f.Text("districtCode"),
                DistrictName = f.Text("districtName"), Geom = Areal(f)!,
            };
            CheckDigits(f, "code", row.Code, 9);
            CheckDigits(f, "districtCode", row.DistrictCode, 6);
            if (row.Code.Length == 9 && row.DistrictCode.Length == 6 && !row.Code.StartsWith(row.DistrictCode, StringComparison.Ordinal))
            {
                f.Error("code", $"街道编码 {row.Code} 不以区县编码 {row.DistrictCode} 开头 / street code does not start with its district code");
            }
            return row;
        }).ToList();
        RequireUnique(subdistricts, s => s.Code, "subdistricts.geojson", "code", errors);
        var subdistrictCodes = subdistricts.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);

        var communities = files.Features("communities.geojson", "code").Select(f =>
        {
            var row = new CommunityRow { Code = f.Text("code"), Name = f.Text("name"), SubdistrictCode = f.Text("subdistrictCode"), Geom = Areal(f)! };
            CheckDigits(f, "code", row.Code, 12);
            CheckParent(f, "subdistrictCode", row.SubdistrictCode, subdistrictCodes, "街道 / street office");
            if (row.Code.Length == 12 && !row.Code.StartsWith(row.SubdistrictCode, StringComparison.Ordinal))
            {
                f.Error("code", $"社区编码 {row.Code} 不属于街道 {row.SubdistrictCode} / community code does not extend its street code");
            }
            return row;
        }).ToList();
        RequireUnique(communities, c => c.Code, "communities.geojson", "code", errors);
        var communityByCode = communities.GroupBy(c => c.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var people = files.Records("people.json", "id").Select(r =>
        {
            var row = new PersonRow
            {
                Id = r.Text("id"), Name = r.Text("name"), Role = r.Text("role"), Phone = r.OptionalText("phone"),
                DutyGridCode = r.OptionalText("dutyGridCode"), DepartmentCode = r.OptionalText("departmentCode"),
            };
            if (row.Role.Length > 0 && !Roles.Contains(row.Role))
            {
                r.Error("role", $"未知角色 '{row.Role}' / unknown role; expected one of {string.Join(", ", Roles.Order(StringComparer.Ordinal))}");
            }
            if (row.DepartmentCode is not null && !departmentCodes.Contains(row.DepartmentCode))
            {
                r.Error("departmentCode", $"部门 '{row.DepartmentCode}' 不存在 / no such department");
            }
            return (Row: row, Source: r);
        }).ToList();
        RequireUnique(people.Select(p => p.Row).ToList(), p => p.Id, "people.json", "id", errors);
        var personIds = people.Select(p => p.Row.Id).ToHashSet(StringComparer.Ordinal);

        var dutyGrids = files.Features("duty-grids.geojson", "code").Select(f =>
        {
            var row = new DutyGridRow
            {
                Code = f.Text("code"), Name = f.Text("name"), CommunityCode = f.Text("communityCode"),
                MemberId = f.Text("memberId"), MemberName = f.Text("memberName"), Geom = Areal(f)!,
            };
            CheckParent(f, "communityCode", row.CommunityCode, communityByCode.Keys.ToHashSet(), "社区 / community");
            if (row.MemberId.Length > 0 && !personIds.Contains(row.MemberId))
            {
                f.Error("memberId", $"网格员 '{row.MemberId}' 不在 people.json / grid member not found in people.json");
            }
            return row;
        }).ToList();
        RequireUnique(dutyGrids, d => d.Code, "duty-grids.geojson", "code", errors);
        var dutyGridCodes = dutyGrids.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (row, source) in people)
        {
            if (row.DutyGridCode is not null && !dutyGridCodes.Contains(row.DutyGridCode))
            {
                source.Error("dutyGridCode", $"责任网格 '{row.DutyGridCode}' 不存在 / no such duty grid");
            }
        }

        var grids = ReadGrids(files, communityByCode, dutyGridCodes);

        var streets = files.Features("streets.geojson", "id").Select(f =>
        {
            var row = new StreetRow
            {
                Id = f.Text("id"), Name = f.Text("name"), RoadClass = f.Text("roadClass"), Level = f.Text("level"),
                ChiefId = f.Text("chiefId"), ChiefName = f.Text("chiefName"), ChiefPhone = f.Text("chiefPhone"),
                LengthM = f.Number("lengthM"), Geom = Lineal(f)!,
            };
            if (row.Level.Length > 0 && row.Level is not ("街长" or "巷长"))
            {
                f.Error("level", $"应为 街长 或 巷长 / expected 街长 or 巷长, found '{row.Level}'");
            }
            if (row.ChiefId.Length > 0 && !personIds.Contains(row.ChiefId))
            {
                f.Error("chiefId", $"街长 '{row.ChiefId}' 不在 people.json / street chief not found in people.json");
            }
            return row;
        }).ToList();
        RequireUnique(streets, s => s.Id, "streets.geojson", "id", errors);

        var zones = files.Features("vendor-zones.geojson", "id").Select(f => ReadZone(f)).ToList();
        RequireUnique(zones, z => z.Id, "vendor-zones.geojson", "id", errors);

        var kiosks = files.Features("kiosks.geojson", "id").Select(ReadKiosk).ToList();
        RequireUnique(kiosks, k => k.Id, "kiosks.geojson", "id", errors);

        var categories = files.Records("categories.json", "code").Select(r =>
        {
            var row = new CategoryRow
            {
                Code = r.Text("code"), Kind = r.Text("kind"), MainCode = r.Text("mainCode"), SubCode = r.Text("subCode"),
                Name = r.Text("name"), NameEn = r.Text("nameEn"), DepartmentCode = r.Text("department"),
                LimitValue = r.Number("limitValue"), LimitUnit = r.Text("limitUnit"), Sample = r.Flag("sample"),
            };
            CheckDigits(r, "code", row.Code, 5);
            if (row.Kind is not ("component" or "event"))
            {
                r.Error("kind", $"应为 component 或 event / expected component or event, found '{row.Kind}'");
            }
            else if (row.Code.Length == 5 && row.Code[0] != (row.Kind == "component" ? '1' : '2'))
            {
                r.Error("code", "部件编码以 1、事件编码以 2 开头 / component codes start with 1, event codes with 2");
            }
            if (row.Code.Length == 5 && (row.Code[1..3] != row.MainCode || row.Code[3..] != row.SubCode))
            {
                r.Error("code", $"编码 {row.Code} 与大类 {row.MainCode}/小类 {row.SubCode} 不符 / code disagrees with mainCode/subCode");
            }
            if (row.DepartmentCode.Length > 0 && !departmentCodes.Contains(row.DepartmentCode))
            {
                r.Error("department", $"部门 '{row.DepartmentCode}' 不存在 / no such department");
            }
            if (!LimitUnits.Contains(row.LimitUnit))
            {
                r.Error("limitUnit", $"未知时限单位 '{row.LimitUnit}' / unknown limit unit");
            }
            if (row.LimitValue <= 0)
            {
                r.Error("limitValue", "时限必须大于 0 / the limit must be positive");
            }
            return row;
        }).ToList();
        RequireUnique(categories, c => c.Code, "categories.json", "code", errors);

        var basemap = new List<BasemapFeatureRow>();
        foreach (var layer in CityDataFiles.BasemapLayers)
        {
            foreach (var f in files.Features($"basemap/{layer}.geojson", "osmId"))
            {
                var geometry = f.Geom<Geometry>();
                basemap.Add(new BasemapFeatureRow
                {
                    Layer = layer, Name = f.OptionalText("name"), NameEn = f.OptionalText("nameEn"),
                    Kind = f.Text("kind"), OsmId = f.Text("osmId"), Geom = geometry!,
                });
            }
        }

        if (errors.Count == 0)
        {
            CheckTopology(grids, communityByCode, errors);
        }
        if (errors.Count > 0)
        {
            throw new CityImportException(errors);
        }
        return new CityDataSet(subdistricts, communities, dutyGrids, grids.Select(g => g.Row).ToList(), streets, zones, kiosks,
            departments, people.Select(p => p.Row).ToList(), categories, basemap);
    }

    private static List<(UnitGridRow Row, SourceFeature Source)> ReadGrids(
        CityDataFiles files, Dictionary<string, CommunityRow> communities, HashSet<string> dutyGridCodes)
    {
        var grids = new List<(UnitGridRow, SourceFeature)>();
        foreach (var f in files.Features(GridsFile, "code"))
        {
            var code = f.Text("code");
            var communityCode = f.Text("communityCode");
            var subdistrictCode = f.Text("subdistrictCode");
            var dutyGridCode = f.Text("dutyGridCode");
            var area = f.Number("areaM2");
            var polygon = f.Geom<Polygon>();
            if (code.Length > 0)
            {
                if (!GridCode.TryParse(code, out var parsed))
                {
                    f.Error("code", $"网格编码 '{code}' 格式错误: 应为 15 位数字 (6 区县 + 3 街道 + 3 社区 + 3 顺序码) / malformed grid code: expected 15 digits");
                }
                else if (communityCode.Length > 0 && parsed.Value.CommunityCode != communityCode)
                {
                    f.Error("code", $"网格编码 {code} 不属于社区 {communityCode} / grid code does not extend its community code");
                }
            }
            if (communityCode.Length > 0)
            {
                if (!communities.TryGetValue(communityCode, out var community))
                {
                    f.Error("communityCode", $"社区 '{communityCode}' 不存在 / no such community");
                }
                else if (subdistrictCode.Length > 0 && community.SubdistrictCode != subdistrictCode)
                {
                    f.Error("subdistrictCode", $"社区 {communityCode} 属于街道 {community.SubdistrictCode}, 不是 {subdistrictCode} / community belongs to another street");
                }
            }
            if (dutyGridCode.Length > 0 && !dutyGridCodes.Contains(dutyGridCode))
            {
                f.Error("dutyGridCode", $"责任网格 '{dutyGridCode}' 不存在 / no such duty grid");
            }
            if (area <= 0)
            {
                f.Error("areaM2", "面积必须大于 0 / area must be positive");
            }
            grids.Add((new UnitGridRow
            {
                Code = code, CommunityCode = communityCode, SubdistrictCode = subdistrictCode, DutyGridCode = dutyGridCode,
                AreaM2 = area, Geom = polygon!,
            }, f));
        }
        foreach (var duplicate in grids.GroupBy(g => g.Item1.Code).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            foreach (var (_, source) in duplicate.Skip(1))
            {
                source.Error("code", $"网格编码 {duplicate.Key} 重复 / duplicate grid code");
            }
        }
        return grids;
    }

    /// <summary>No two grids may share interior, and each grid must lie inside its community.</summary>
    private static void CheckTopology(
        List<(UnitGridRow Row, SourceFeature Source)> grids, Dictionary<string, CommunityRow> communities, List<ImportError> errors)
    {
        var tree = new STRtree<int>();
        for (var i = 0; i < grids.Count; i++)
        {
            tree.Insert(grids[i].Row.Geom.EnvelopeInternal, i);
        }
        tree.Build();
        for (var i = 0; i < grids.Count; i++)
        {
            var a = grids[i].Row.Geom;
            foreach (var j in tree.Query(a.EnvelopeInternal).Where(j => j > i).Order())
            {
                var b = grids[j].Row.Geom;
                if (a.Relate(b, "2********") && SquareMetres(a.Intersection(b)) > 0.01)
                {
                    grids[i].Source.Error("geometry", $"与网格 {grids[j].Row.Code} 重叠 / overlaps grid {grids[j].Row.Code} ({SquareMetres(a.Intersection(b)):F1} m²)");
                }
            }
        }
        foreach (var (row, source) in grids)
        {
            if (communities.TryGetValue(row.CommunityCode, out var community))
            {
                var outside = SquareMetres(row.Geom.Difference(community.Geom));
                if (outside > 1.0)
                {
                    source.Error("communityCode", $"网格有 {outside:F0} m² 落在社区 {community.Name} 之外 / grid lies partly outside its community");
                }
            }
        }
    }

    private static VendorZoneRow ReadZone(SourceFeature f)
    {
        var row = new VendorZoneRow
        {
            Id = f.Text("id"), Name = f.Text("name"), Type = f.Text("type"), Windows = f.TextList("windows"),
            SeasonFrom = f.OptionalText("seasonFrom"), SeasonTo = f.OptionalText("seasonTo"), StallCount = f.Integer("stallCount"),
            MaxStallAreaM2 = f.Number("maxStallAreaM2"), Goods = f.OptionalText("goods") ?? "", Manager = f.OptionalText("manager"),
            SchoolName = f.OptionalText("schoolName"), Geom = Areal(f)!,
        };
        if (!VendorZoneTypes.TryParse(row.Type, out var type))
        {
            f.Error("type", $"未知类型 '{row.Type}' / unknown zone type; expected one of {string.Join(", ", VendorZoneTypes.Slugs)}");
        }
        foreach (var window in row.Windows)
        {
            try
            {
                OpeningRule.Parse(window);
            }
            catch (FormatException ex)
            {
                f.Error("windows", ex.Message);
            }
        }
        if ((row.SeasonFrom is null) != (row.SeasonTo is null))
        {
            f.Error(row.SeasonFrom is null ? "seasonFrom" : "seasonTo", "季节起止须同时给出 / seasonFrom and seasonTo go together");
        }
        else if (row.SeasonFrom is not null)
        {
            try
            {
                Season.Parse(row.SeasonFrom, row.SeasonTo!);
            }
            catch (FormatException ex)
            {
                f.Error("seasonFrom", ex.Message);
            }
        }
        if (VendorZoneTypes.PermitsVending(type) && row.Windows.Length == 0)
        {
            f.Error("windows", "疏导区须有营业时段 / a guided zone needs opening windows");
        }
        return row;
    }

    private static KioskRow ReadKiosk(SourceFeature f)
    {
        var supplies = new List<KioskSupply>();
        foreach (var item in f.Objects("supplies"))
        {
            if (item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("item", out var name) && name.ValueKind == JsonValueKind.String
                && item.TryGetProperty("stock", out var stock) && stock.TryGetInt32(out var s)
                && item.TryGetProperty("threshold", out var threshold) && threshold.TryGetInt32(out var t))
            {
                supplies.Add(new KioskSupply(name.GetString()!, s, t));
            }
            else
            {
                f.Error("supplies", "每项须有 item、stock、threshold / each supply needs item, stock and threshold");
            }
        }
        var row = new KioskRow
        {
            Id = f.Text("id"), Name = f.Text("name"), Kind = f.Text("kind"), Services = f.TextList("services"), Hours = f.Text("hours"),
            Is24h = f.Flag("is24h"), HasToilet = f.Flag("hasToilet"), RadiusM = f.Number("radiusM"), Supplies = supplies,
            Phone = f.OptionalText("phone"), Geom = f.Geom<Point>()!,
        };
        if (row.RadiusM is < 100 or > 5000)
        {
            f.Error("radiusM", $"服务半径 {row.RadiusM.ToString(CultureInfo.InvariantCulture)} m 不合理 / service radius out of range (100–5000 m)");
        }
        return row;
    }

    private static Geometry? Areal(SourceFeature f)
    {
        var g = f.Geom<Geometry>();
        if (g is not null and not (Polygon or MultiPolygon))
        {
            f.Error("geometry", $"应为面 (Polygon/MultiPolygon) / expected an area, found {g.GeometryType}");
            return null;
        }
        return g;
    }

    private static Geometry? Lineal(SourceFeature f)
    {
        var g = f.Geom<Geometry>();
        if (g is not null and not (LineString or MultiLineString))
        {
            f.Error("geometry", $"应为线 (LineString/MultiLineString) / expected a line, found {g.GeometryType}");
            return null;
        }
        return g;
    }

    private static void CheckDigits(SourceFeature f, string field, string value, int length)
    {
        if (value.Length > 0 && (value.Length != length || !value.All(char.IsAsciiDigit)))
        {
            f.Error(field, $"'{value}' 应为 {length} 位数字 / expected {length} digits");
        }
    }

    private static void CheckParent(SourceFeature f, string field, string value, IReadOnlySet<string> known, string what)
    {
        if (value.Length > 0 && !known.Contains(value))
        {
            f.Error(field, $"{what} '{value}' 不存在 / not found");
        }
    }

    private static void RequireUnique<T>(List<T> rows, Func<T, string> key, string file, string field, List<ImportError> errors)
    {
        foreach (var group in rows.GroupBy(key).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            errors.Add(new ImportError(file, $"{field}={group.Key}", field, $"重复 {group.Count()} 次 / appears {group.Count()} times; must be unique"));
        }
    }

    /// <summary>Area in m² of a small lon/lat geometry, scaled at its own latitude.</summary>
    private static double SquareMetres(Geometry g) =>
        g.IsEmpty ? 0 : g.Area * Geodesy.DegreesToMetresLon(1, g.Centroid.Y) * Geodesy.DegreesToMetresLat(1);
}
