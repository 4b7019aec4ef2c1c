namespace CommandCenter.Domain.Geography;

/// <summary>Everything the city knows about one point: its grid chain, street chief, vending zone and nearest kiosk.</summary>
public sealed record LocationLookup(
    UnitGrid Grid,
    DutyGrid? DutyGrid,
    Community? Community,
    Subdistrict? Subdistrict,
    StreetMatch? Street,
    ZoneMatch? VendorZone,
    KioskMatch? Kiosk);

/// <summary>The nearest named street within reach of a point.</summary>
public sealed record StreetMatch(Street Street, double DistanceM);

/// <summary>The vending zone containing a point and whether it is open at the asked time.</summary>
public sealed record ZoneMatch(Zones.VendorZone Zone, bool OpenNow);

/// <summary>The nearest kiosk, and whether the point lies inside its service radius.</summary>
public sealed record KioskMatch(Kiosks.Kiosk Kiosk, double DistanceM, bool WithinRadius);
