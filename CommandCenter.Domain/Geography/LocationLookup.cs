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

/// <summary>A school gate near a point and its distance in metres.</summary>
public sealed record SchoolGateMatch(Zones.SchoolGate Gate, double DistanceM);

/// <summary>The bike fence a 0506 case snaps to: its distance (0 inside) and capacity, for showing its fill.</summary>
public sealed record BikeFenceMatch(Zones.VendorZone Fence, double DistanceM, int Capacity);
