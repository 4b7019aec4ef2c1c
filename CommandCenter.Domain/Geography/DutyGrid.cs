using NetTopologySuite.Geometries;

namespace CommandCenter.Domain.Geography;

/// <summary>责任网格: adjacent unit grids patrolled by one grid member (网格员).</summary>
public sealed record DutyGrid(string Code, string Name, string CommunityCode, string MemberId, string MemberName, Geometry Area);
