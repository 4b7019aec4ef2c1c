using NetTopologySuite.Geometries;

namespace CommandCenter.CityGen;

/// <summary>A 摊贩疏导区 (guided) or 禁止设摊区 (banned) polygon in lon/lat.</summary>
internal sealed record VendorZone(
    string Id, string Name, string Type, Polygon Geometry, IReadOnlyList<string> Windows, string? SeasonFrom,
    string? SeasonTo, int StallCount, double MaxStallAreaM2, string Goods, string Manager, string? SchoolName);
