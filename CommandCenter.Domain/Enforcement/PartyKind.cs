namespace CommandCenter.Domain.Enforcement;

/// <summary>Who an offence is recorded against.</summary>
public enum PartyKind
{
    /// <summary>A registered vendor (摊贩登记).</summary>
    Vendor,

    /// <summary>A merchant (沿街商户, 门前三包 party).</summary>
    Merchant,

    /// <summary>Not registered: known by a plate (cart, tricycle) or a short description.</summary>
    Unregistered,
}
