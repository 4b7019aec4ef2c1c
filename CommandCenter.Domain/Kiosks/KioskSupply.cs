namespace CommandCenter.Domain.Kiosks;

/// <summary>A stocked item at a kiosk (water, first-aid kit, power bank ...), with its reorder threshold.</summary>
public sealed record KioskSupply(string Item, int Stock, int Threshold)
{
    public bool IsLow => Stock <= Threshold;
}
