namespace CommandCenter.Domain.Duty;

/// <summary>What a change to the road-director roster did.</summary>
public enum RosterChangeKind
{
    /// <summary>A month filled by planning the year.</summary>
    Planned,
    /// <summary>A month given to another leader by hand.</summary>
    Set,
    /// <summary>One of the two months of a swap.</summary>
    Swapped,
    /// <summary>A stand-in put on (or changed for) a single day.</summary>
    StandIn,
    /// <summary>A day's stand-in taken off: the month's leader is back on duty.</summary>
    StandInRemoved,
}
