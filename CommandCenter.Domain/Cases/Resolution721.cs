namespace CommandCenter.Domain.Cases;

/// <summary>721工作法: how a closed case was resolved — by service (70 %), management (20 %) or enforcement (10 %).</summary>
public enum Resolution721
{
    Service,
    Management,
    Enforcement,
}
