namespace CommandCenter.CityGen;

/// <summary>
/// Chinese-looking but invented place names for the synthetic city (districts, 街道, 社区, streets, schools),
/// chosen by hashing a stable key with the seed; collisions are probed so every name of a kind is unique.
/// </summary>
internal sealed class SyntheticPlaceNames(int seed)
{
    /// <summary>Two-character place words; combined with a suffix they read like real Chinese street and area names.</summary>
    private static readonly string[] Words =
    [
        "长乐", "和平", "建设", "文昌", "青石", "凤凰", "龙蟠", "玉泉", "金川", "银杏", "桃源", "梅岭", "松涛", "竹林", "兰亭",
        "菊园", "荷塘", "柳营", "枫林", "梧桐", "白鹭", "紫霞", "清溪", "秋水", "春江", "晓月", "朝阳", "夕照", "星河", "云台",
        "翠屏", "碧波", "锦绣", "华盛", "兴隆", "永安", "太平", "安康", "福寿", "吉庆", "瑞丰", "丰收", "鼓楼", "钟阁", "石桥",
        "板桥", "木桥", "铁塔", "古井", "双井", "三元", "四牌", "五福", "六合", "七里", "八宝", "九华", "百花", "千秋", "万福",
        "仙林", "灵山", "宝塔", "莲花", "芙蓉", "牡丹", "海棠", "丁香", "杏林", "桂花", "樱桃", "葡萄", "石榴", "枣园", "栗园",
        "茶亭", "药局", "书院", "学府", "文庙", "孔雀", "鹤鸣", "雁塔", "燕子", "黄鹂", "金鸡", "卧龙", "伏虎", "麒麟", "天鹅",
        "江滨", "河西", "湖畔", "塘坊", "渡口", "码头", "闸口", "水关", "城墙", "城南", "城北", "东关", "西关", "南门", "北门",
        "新桥", "老街", "红旗", "光明", "胜利", "解放", "团结", "友谊", "先锋", "民主", "育才", "振兴", "启明", "工农", "红星",
        "新村", "新城", "新港", "新华", "东湖", "西湖", "南湖", "北湖", "金陵", "秣陵", "石城", "冶山", "雨亭", "风台", "月牙",
        "彩虹", "龙华", "虹桥", "泰和", "德胜", "崇文", "尚武", "明德", "怀仁", "守义", "知行", "博爱", "弘毅", "厚德", "敦睦",
        "银河", "金鼎", "玉带", "珠江", "宝华", "甘泉", "清泉", "温泉", "冷泉", "梅园", "杨柳", "樟木", "松柏", "檀香", "沉香",
    ];

    private static readonly string[] Directions = ["东", "西", "南", "北", "中"];

    private static readonly string[] CommunitySuffixes = ["", "苑", "园", "里", "坊", "村", "桥", "门"];

    private static readonly string[] SchoolSuffixes = ["小学", "中学", "幼儿园", "实验学校", "第二小学", "初级中学"];

    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    /// <summary>A street name; main roads end in 路/大道, back streets in 街/巷/里.</summary>
    public string Street(string key, bool mainRoad) =>
        Unique("street/" + key, mainRoad ? ["路", "路", "大道"] : ["街", "巷", "巷", "里"], allowDirection: true);

    /// <summary>A 街道 name such as 青石街道.</summary>
    public string Subdistrict(string key) => Unique("subdistrict/" + key, ["街道"], allowDirection: false);

    /// <summary>A 社区 residents' committee name such as 青石苑社区居委会 (the app shows it without 居委会).</summary>
    public string Community(string key) =>
        Unique("community/" + key, CommunitySuffixes.Select(s => s + "社区居委会").ToArray(), allowDirection: true);

    /// <summary>A school name such as 梧桐小学.</summary>
    public string School(string key) => Unique("school/" + key, SchoolSuffixes, allowDirection: false);

    /// <summary>
    /// Word + suffix first; when those are taken, word + direction + suffix (中山东路); then two words + suffix.
    /// The key, the seed and the attempt number decide each try, so the result does not depend on timing.
    /// </summary>
    private string Unique(string key, string[] suffixes, bool allowDirection)
    {
        for (var attempt = 0; ; attempt++)
        {
            var k = $"{seed}/{key}#{attempt}";
            var word = Words[DeterministicHash.Pick("w" + k, Words.Length)];
            var suffix = suffixes[DeterministicHash.Pick("s" + k, suffixes.Length)];
            var name = attempt switch
            {
                < 24 => word + suffix,
                < 64 when allowDirection => word + Directions[DeterministicHash.Pick("d" + k, Directions.Length)] + suffix,
                _ => word + Words[DeterministicHash.Pick("x" + k, Words.Length)] + suffix,
            };
            if (used.Add(name))
            {
                return name;
            }
        }
    }
}
