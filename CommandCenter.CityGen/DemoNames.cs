namespace CommandCenter.CityGen;

/// <summary>
/// Plausible but fictitious Chinese names and phone numbers, chosen by hashing a stable key
/// (no Random), with collision probing so every name and number is unique.
/// A non-empty <c>salt</c> gives a different, equally stable set (the synthetic city's seed).
/// </summary>
internal sealed class DemoNames(string salt = "")
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
        "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
        "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "沈", "姚", "陆", "汪", "范", "金", "石",
        "夏", "钱", "顾", "戴", "孔", "秦",
    ];

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "敏", "静", "磊", "洋", "勇", "军", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "燕", "辉",
        "建国", "建华", "志强", "志明", "秀英", "桂英", "海燕", "晓东", "晓燕", "文博", "子涵", "雨轩", "浩然",
        "思远", "嘉怡", "欣怡", "俊杰", "宇航", "晨曦", "梓萱", "一鸣", "佳琪", "振华", "国庆", "红梅", "丽华",
        "春生", "秋菊", "德明", "永康", "家豪", "宏伟", "玉兰", "金凤", "雪梅", "立新", "卫东", "亚楠", "鹏飞",
        "诗涵", "天佑", "明轩", "若曦", "书瑶", "慧敏", "新民", "长青", "守仁", "启航", "文静", "婉清", "正阳",
    ];

    // Characters for three-character names (surname + two), once the two-character names run out in a big city.
    private static readonly string[] GivenCharacters =
    [
        "子", "梓", "浩", "宇", "轩", "涵", "欣", "怡", "思", "雨", "嘉", "俊", "泽", "博", "文", "晨", "瑞", "佳", "天", "一",
        "明", "晓", "志", "国", "建", "海", "春", "秋", "丽", "玉", "红", "金", "德", "永", "家", "正", "新", "立", "鹏", "慧",
    ];

    /// <summary>Tries of a two-character name before three-character ones are used (never reached by the demo city's 233 people).</summary>
    private const int ShortNameAttempts = 64;

    // Mainland mobile prefixes (digits after the leading 1).
    private static readonly string[] MobilePrefixes = ["33", "35", "36", "37", "38", "39", "51", "52", "58", "59", "77", "80", "81", "86", "87", "88", "89"];

    private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedPhones = new(StringComparer.Ordinal);

    public string PersonName(string key)
    {
        for (var attempt = 0; attempt < 100_000; attempt++)
        {
            var k = $"{salt}{key}#{attempt}";
            var surname = Surnames[DeterministicHash.Pick("s" + k, Surnames.Length)];
            var name = attempt < ShortNameAttempts
                ? surname + GivenNames[DeterministicHash.Pick("g" + k, GivenNames.Length)]
                : surname + GivenCharacters[DeterministicHash.Pick("a" + k, GivenCharacters.Length)] + GivenCharacters[DeterministicHash.Pick("b" + k, GivenCharacters.Length)];
            if (usedNames.Add(name))
            {
                return name;
            }
        }

        throw new InvalidOperationException($"No unused person name left for {key}");
    }

    public string Mobile(string key) => UniquePhone(key, h =>
        $"1{MobilePrefixes[(int)(h % (ulong)MobilePrefixes.Length)]}{(h / 31) % 100000000:00000000}");

    /// <summary>Nanjing landline (025) in the 8xxxxxxx block used for government desks.</summary>
    public string Office(string key) => UniquePhone(key, h => $"025-8{(h / 7) % 10000000:0000000}");

    private string UniquePhone(string key, Func<ulong, string> format)
    {
        for (var attempt = 0; ; attempt++)
        {
            var phone = format(DeterministicHash.Of($"{salt}{key}#{attempt}"));
            if (usedPhones.Add(phone))
            {
                return phone;
            }
        }
    }
}
