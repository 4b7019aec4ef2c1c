using CommandCenter.Domain.Geography;

namespace CommandCenter.Domain.Kiosks;

/// <summary>
/// 服务半径覆盖: which unit grids no open kiosk serves right now. A grid counts as covered when its point on surface
/// (NTS InteriorPoint, always inside the grid, unlike the centroid of an L-shaped grid) lies within the service radius
/// of a kiosk open at that time.
/// </summary>
public static class KioskCoverage
{
    /// <summary>Codes of the unit grids outside every open kiosk's radius, in code order.</summary>
    public static IReadOnlyList<string> GridsOutside(IEnumerable<UnitGrid> unitGrids, IEnumerable<Kiosk> kiosks, DateTime local)
    {
        var open = kiosks.Where(k => k.IsOpenAt(local)).ToList();
        return unitGrids
            .Where(g => !open.Any(k => k.DistanceMetresTo(g.Shape.InteriorPoint) <= k.RadiusM))
            .Select(g => g.Code)
            .OrderBy(c => c, StringComparer.Ordinal)
            .ToList();
    }
}
