namespace CommandCenter.Domain.Zones;

/// <summary>Kinds of vending zone (摊贩疏导区 and its opposite, 禁止区).</summary>
public enum VendorZoneType
{
    /// <summary>早市: morning market.</summary>
    Morning,

    /// <summary>夜市: night market, hours often cross midnight.</summary>
    Night,

    /// <summary>瓜果临时销售点: seasonal fruit point, open only within a date range.</summary>
    Seasonal,

    /// <summary>便民疏导点: convenience point for everyday goods and repairs.</summary>
    Convenience,

    /// <summary>禁止区: no vending at any time, e.g. 100 m around a school gate.</summary>
    Banned,
}
