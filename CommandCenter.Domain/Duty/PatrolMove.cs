namespace CommandCenter.Domain.Duty;

/// <summary>A button the director presses on the phone in patrol mode.</summary>
public enum PatrolMove
{
    Start,
    Pause,
    Resume,
    End,
}
