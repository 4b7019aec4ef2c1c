using CommandCenter.Domain.Geography;
using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Intake;

/// <summary>A street and a point on it inside the city.</summary>
public sealed record StreetPlace(Street Street, Point Point);
