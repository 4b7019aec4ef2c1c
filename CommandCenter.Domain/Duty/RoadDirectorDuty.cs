namespace CommandCenter.Domain.Duty;

/// <summary>马路局长当值: the bureau leader who leads street patrols for one month (domain.md §7.3).</summary>
public sealed record RoadDirectorDuty(RosterMonth Month, string LeaderId);
