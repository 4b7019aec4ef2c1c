namespace CommandCenter.Domain.Duty;

/// <summary>One move of a patrol and when it was made; the list of them rebuilds the session.</summary>
public sealed record PatrolEvent(PatrolMove Move, DateTimeOffset At);
