namespace CommandCenter.Domain.Zones;

/// <summary>Kinds of zone drawn for street order: where vending is banned, controlled or channelled, and bike parking fences.</summary>
public enum VendorZoneType
{
    /// <summary>禁摆区 / 禁止区: no vending at any time, e.g. 100 m around a school gate.</summary>
    Banned,

    /// <summary>严控区: vending strictly controlled (secondary roads); no stalls, patrolled, but not a priority ban.</summary>
    Controlled,

    /// <summary>疏导点: guided point for everyday goods and repairs (修鞋配钥匙 ...).</summary>
    Guided,

    /// <summary>早市: morning market.</summary>
    Morning,

    /// <summary>夜市: night market, hours often cross midnight.</summary>
    Night,

    /// <summary>瓜果临时销售点: seasonal fruit point, open only within a date range.</summary>
    Seasonal,

    /// <summary>红地毯: shop-front stalls a restaurant may set out on its marked pavement.</summary>
    ShopFront,

    /// <summary>共享单车电子围栏: shared-bike parking fence, with a capacity and an operator.</summary>
    BikeFence,
}
