namespace CommandCenter.Domain.Duty;

/// <summary>Who is road director on a day: the month's leader, or a stand-in for that single day.</summary>
public sealed record RoadDirectorOnDuty(string PersonId, bool IsStandIn);
