namespace CommandCenter.CityGen;

/// <summary>
/// One kind of 摊贩疏导区 with its local opening windows (night ones cross midnight), optional season (MM-dd),
/// typical goods and kerb metres per stall. <see cref="Type"/> is the importer's zone type string.
/// </summary>
internal sealed record GuidedZoneType(string Type, string Suffix, string[] Windows, string? From, string? To, string Goods, double MetersPerStall)
{
    public static readonly IReadOnlyList<GuidedZoneType> All =
    [
        new("night", "夜市疏导区", ["19:00-01:00"], null, null, "小吃、饮品、文创小商品", 5.0),
        new("morning", "早市疏导区", ["05:30-08:30"], null, null, "蔬菜、水果、早点", 4.0),
        new("seasonal", "瓜果临时销售点", ["07:00-21:00"], "06-01", "09-30", "西瓜、时令瓜果（瓜农直销）", 10.0),
        new("guided", "便民疏导点", ["09:00-12:00", "16:30-20:00"], null, null, "修鞋配钥匙、缝补、小家电维修", 12.0),
    ];
}
