using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Geography;

/// <summary>单元网格: the smallest management cell, about 10,000 m², bounded by streets and rivers.</summary>
public sealed record UnitGrid(string Code, string CommunityCode, string SubdistrictCode, string DutyGridCode, double AreaM2, Polygon Shape);
