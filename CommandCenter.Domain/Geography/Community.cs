using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Geography;

/// <summary>社区: a residents' community; every unit grid belongs to exactly one.</summary>
public sealed record Community(string Code, string Name, string SubdistrictCode, Geometry Area);
