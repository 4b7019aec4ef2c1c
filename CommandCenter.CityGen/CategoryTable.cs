namespace CommandCenter.CityGen;

internal sealed record Category(
    string Code, string Kind, string MainCode, string SubCode, string Name, string NameEn, string Department,
    double LimitValue, string LimitUnit);

/// <summary>
/// domain.md §3.2 code table (部件 1xxxx, 事件 2xxxx). Where BJ and MP disagree the bolded / first
/// name and code is used. Limits follow §5.2/§5.3 and are sample values (示例值).
/// </summary>
internal static class CategoryTable
{
    private const string Wh = "workingHours";
    private const string Wd = "workingDays";
    private const string Nh = "naturalHours";

    private static readonly (string Code, string Name, string NameEn, string Dept)[] Components =
    [
        ("0101", "上水井盖", "Water cover", "water"),
        ("0102", "污水井盖", "Sewage cover", "municipal"),
        ("0103", "雨水井盖", "Storm cover", "municipal"),
        ("0104", "雨水箅子", "Storm grate", "municipal"),
        ("0105", "电力井盖", "Power cover", "power"),
        ("0106", "路灯井盖", "Lighting cover", "municipal"),
        ("0107", "电信井盖", "Telecom cover", "telecom"),
        ("0110", "热力井盖", "Heating cover", "municipal"),
        ("0111", "燃气井盖", "Gas cover", "gas"),
        ("0113", "消防设施", "Hydrant", "water"),
        ("0114", "不明井盖", "Unknown cover", "municipal"),
        ("0117", "电杆", "Pole", "power"),
        ("0118", "路灯", "Street light", "municipal"),
        ("0121", "报刊亭", "News kiosk", "enforcement"),
        ("0123", "邮筒", "Mailbox", "telecom"),
        ("0126", "健身设施", "Fitness equipment", "landscaping"),
        ("0201", "停车场", "Car park", "traffic"),
        ("0202", "停车咪表", "Parking meter", "traffic"),
        ("0203", "公交站亭", "Bus shelter", "traffic"),
        ("0205", "过街天桥", "Footbridge", "municipal"),
        ("0206", "地下通道", "Underpass", "municipal"),
        ("0209", "交通标志牌", "Traffic sign", "traffic"),
        ("0211", "交通护栏", "Traffic barrier", "traffic"),
        ("0213", "路名牌", "Street-name sign", "municipal"),
        ("0214", "交通信号灯", "Traffic light", "traffic"),
        ("0301", "公共厕所", "Public toilet", "sanitation"),
        ("0305", "垃圾箱", "Litter bin", "sanitation"),
        ("0307", "广告牌匾", "Signboard", "enforcement"),
        ("0401", "古树名木", "Heritage tree", "landscaping"),
        ("0402", "行道树", "Street tree", "landscaping"),
        ("0405", "绿地", "Green space", "landscaping"),
        ("0407", "街头座椅", "Street bench", "landscaping"),
    ];

    private static readonly (string Code, string Name, string NameEn, string Dept)[] Events =
    [
        ("0101", "私搭乱建", "Illegal structure", "enforcement"),
        ("0102", "暴露垃圾", "Exposed garbage", "sanitation"),
        ("0103", "积存垃圾渣土", "Piled garbage or muck", "sanitation"),
        ("0104", "道路保洁", "Dirty road", "sanitation"),
        ("0105", "河道保洁", "Dirty water surface", "sanitation"),
        ("0106", "绿地保洁", "Dirty green space", "landscaping"),
        ("0107", "废弃车辆", "Abandoned vehicle", "enforcement"),
        ("0108", "废弃家具设备", "Dumped furniture", "sanitation"),
        ("0109", "非装饰性树挂", "Things hung on trees", "landscaping"),
        ("0112", "道路撒遗", "Road spillage", "sanitation"),
        ("0115", "焚烧垃圾树叶", "Burning rubbish or leaves", "enforcement"),
        ("0116", "油烟污染", "Cooking fumes", "enforcement"),
        ("0201", "非法小广告", "Illegal small ads", "enforcement"),
        ("0202", "违章张贴悬挂广告牌匾", "Illegal posting or signboard", "enforcement"),
        ("0203", "占道广告牌", "Ad board on road", "enforcement"),
        ("0204", "街头散发广告", "Flyering", "enforcement"),
        ("0205", "广告招牌破损", "Damaged signboard", "enforcement"),
        ("0301", "施工扰民", "Construction noise", "housing"),
        ("0302", "工地扬尘", "Site dust", "housing"),
        ("0303", "无证消纳渣土", "Unlicensed muck disposal", "enforcement"),
        ("0304", "道路遗撒", "Spillage from transport", "enforcement"),
        ("0305", "施工废弃料", "Construction waste", "housing"),
        ("0312", "渣土车未密闭", "Uncovered muck truck", "enforcement"),
        ("0401", "路面塌陷", "Road collapse", "municipal"),
        ("0402", "自来水管破裂", "Water-main burst", "water"),
        ("0403", "燃气管道破裂", "Gas-pipe burst", "gas"),
        ("0404", "下水道堵塞或破损", "Sewer blocked or damaged", "municipal"),
        ("0406", "道路积水", "Waterlogging", "municipal"),
        ("0407", "道路积雪结冰", "Snow or ice on road", "sanitation"),
        ("0501", "无照经营游商", "Unlicensed mobile vendor", "enforcement"),
        ("0502", "流浪乞讨", "Begging", "enforcement"),
        ("0503", "占道废品收购", "Scrap buying on road", "enforcement"),
        ("0504", "店外经营", "Trading outside the shop", "enforcement"),
        ("0505", "机动车乱停放", "Car misparking", "traffic"),
        ("0506", "非机动车乱停放", "Bike misparking", "enforcement"),
        ("0507", "乱堆物堆料", "Piled materials", "enforcement"),
        ("0508", "商业噪音", "Commercial noise", "enforcement"),
        ("0509", "黑车拉客", "Unlicensed taxi", "traffic"),
        ("0510", "露天烧烤", "Open-air barbecue", "enforcement"),
        ("0511", "沿街晾挂", "Street laundry", "enforcement"),
        ("0512", "非法出版物销售", "Illegal publications", "enforcement"),
        ("0513", "空调室外机低挂", "Low AC outdoor unit", "housing"),
        ("0598", "占压盲道", "Blocked tactile path", "enforcement"),
        ("0599", "其他街面秩序问题", "Other street-order problem", "enforcement"),
    ];

    public static IReadOnlyList<Category> All =>
        Components.Select(c => Make("1", c)).Concat(Events.Select(e => Make("2", e))).ToList();

    private static Category Make(string kind, (string Code, string Name, string NameEn, string Dept) row)
    {
        var (value, unit) = Limit(kind, row.Code);
        return new Category(kind + row.Code, kind == "1" ? "component" : "event", row.Code[..2], row.Code[2..],
            row.Name, row.NameEn, row.Dept, value, unit);
    }

    /// <summary>§5.2: urgent class 04 1 h natural, 0501/0504 2 wh; §5.3 [S15] then [S16]; else 5 wd.</summary>
    private static (double Value, string Unit) Limit(string kind, string code)
    {
        if (kind == "1")
        {
            // 井盖缺损: Guangzhou 6 h calendar time [S17]; other components 5 wd.
            return code.StartsWith("01", StringComparison.Ordinal) && int.Parse(code[2..], System.Globalization.CultureInfo.InvariantCulture) <= 14 && code != "0113"
                ? (6, Nh)
                : (5, Wd);
        }

        if (code.StartsWith("04", StringComparison.Ordinal))
        {
            return (1, Nh);
        }

        return code switch
        {
            "0501" or "0504" => (2, Wh),
            "0102" => (4, Wh),           // 暴露垃圾 [S15]
            "0104" => (2, Wh),           // 道路保洁 after 08:00 [S15]
            "0106" => (4, Wh),           // 绿地保洁 [S15]
            "0103" => (4, Wd),           // 积存垃圾渣土 [S16]
            "0105" => (15, Wd),          // 水域不洁 [S16]
            "0101" => (20, Wd),          // 私搭乱建: demolish within 20 wd [S15]
            _ => (5, Wd),
        };
    }
}
