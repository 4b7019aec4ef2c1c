namespace CommandCenter.Domain.Duty;

/// <summary>Why a posted GPS point was dropped (counted, not stored).</summary>
public enum PatrolPointDropReason
{
    /// <summary>Taken before the start, during a pause or after the end.</summary>
    NotPatrolling,
    /// <summary>Stamped later than the server received it (a phone clock running ahead).</summary>
    InFuture,
    /// <summary>Outside the city, or not a coordinate at all.</summary>
    OutsideCity,
    /// <summary>The accuracy radius is worse than the threshold.</summary>
    Inaccurate,
    /// <summary>Not after the last accepted point (late or duplicated).</summary>
    OutOfOrder,
    /// <summary>Reaching it from the last accepted point would take an absurd speed.</summary>
    TooFast,
}
