using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Geography;

/// <summary>街道: a street office, the level above 社区.</summary>
public sealed record Subdistrict(string Code, string Name, string DistrictCode, string DistrictName, Geometry Area);
