using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Geography;

/// <summary>街巷: a named road with its chief (街长 for main roads, 巷长 for lanes).</summary>
public sealed record Street(string Id, string Name, string RoadClass, string Level, string ChiefId, string ChiefName, string ChiefPhone, double LengthM, Geometry Line);
