namespace CommandCenter.Domain.Intake;

/// <summary>One line of the public timeline: when the case reached a <see cref="PublicStage"/>.</summary>
public sealed record PublicMilestone(DateTimeOffset At, PublicStage Stage);
