namespace CommandCenter.Domain.Duty;

/// <summary>Where a patrol (巡查) stands: Start → Active ⇄ Paused → Ended.</summary>
public enum PatrolState
{
    NotStarted,
    Active,
    Paused,
    Ended,
}
